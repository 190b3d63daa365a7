/// <reference lib="webworker" />
// Benchmark Worker: starts the requested backend and times training steps of a preset.
// One Worker per backend, since a TF.js backend cannot be fully reset inside one.

import type { BenchRequest } from '../shared/bench';
import { chooseBackend } from '../train/backend';
import { measureThroughput } from '../bench/throughput';
import { describeError } from './errors';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const { backend, runs } = event.data;
  try {
    const info = await chooseBackend(backend);
    if (info.name !== backend) {
      self.postMessage({ type: 'skipped', backend, reason: `${backend} did not start (${info.reason})` });
      return;
    }
    for (const run of runs) {
      try {
        const result = await measureThroughput(run.preset, run.batchSize, run.steps);
        self.postMessage({ type: 'result', adapter: info.adapter, result });
      } catch (err) {
        self.postMessage({ type: 'failed', backend, preset: run.preset, reason: describeError(err) });
      }
    }
  } catch (err) {
    self.postMessage({ type: 'failed', backend, reason: describeError(err) });
  }
  self.postMessage({ type: 'end' });
};
