/// <reference lib="webworker" />
// Benchmark Worker: starts the requested backend and times training steps of a preset.
// One Worker per backend and kernel set, since a TF.js backend cannot be fully reset inside one.

import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { BenchRequest } from './messages';
import { chooseBackend } from '../../src/runtime/backend';
import { setKernelChoice } from '../../src/kernels/choice';
import { measureThroughput } from '../throughput';
import { describeError } from '../../src/worker/errors';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const { backend, runs, kernels = 'project', threads = false, profile = false } = event.data;
  try {
    setKernelChoice({ set: kernels === 'baseline' ? 'stock' : 'ours' });
    const info = await chooseBackend(backend, { wasmThreads: threads });
    if (info.name !== backend) {
      self.postMessage({ type: 'skipped', backend, reason: `${backend} did not start (${info.reason})` });
      return;
    }
    // What decides whether wasm can use threads, reported with every result.
    const env = {
      crossOriginIsolated: self.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
      wasmThreadsFlag: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT') : null,
      wasmThreads: backend === 'wasm' ? getThreadsCount() : null,
    };
    for (const run of runs) {
      try {
        const result = await measureThroughput(run.preset, run.batchSize, run.steps, profile);
        self.postMessage({ type: 'result', adapter: info.adapter, kernels, threads, env, result });
      } catch (err) {
        self.postMessage({ type: 'failed', backend, preset: run.preset, reason: describeError(err) });
      }
    }
  } catch (err) {
    self.postMessage({ type: 'failed', backend, reason: describeError(err) });
  }
  self.postMessage({ type: 'end' });
};
