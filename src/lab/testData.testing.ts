// Synthetic run records for the lab's unit tests (not shipped: only *.test.ts import this).

import type { RunSettings } from '../shared/types';
import type { RunRecord } from './record';
import { createRecord } from './record';
import { defaultConfig } from '../model/spec';
import { PAPER_OPTIMIZER } from '../shared/defaults';

export function baseSettings(): RunSettings {
  return {
    config: defaultConfig('cifar'),
    optimizer: PAPER_OPTIMIZER,
    data: { batches: [1, 2, 3, 4, 5], quick: true, quickTrain: 1000, quickTest: 500 },
    epochs: 3,
    seed: 1,
  };
}

/**
 * A finished run whose epoch-end evaluations have the given top-1 errors and train accuracies,
 * and whose per-step batch accuracy climbs linearly from 0.1 to `finalBatchAcc` over 100 steps
 * per epoch (1 s per step).
 */
export function fakeRun(
  id: string,
  patch: Partial<RunSettings['config']>,
  seed: number,
  opts: { top1: number[]; trainAcc?: number[]; finalBatchAcc?: number; top5?: number[] },
): RunRecord {
  const base = baseSettings();
  const epochs = opts.top1.length;
  const settings = { ...base, config: { ...base.config, ...patch }, seed, epochs };
  const rec = createRecord(settings, { id, now: 1000, backend: 'wasm' });
  const perEpoch = 100;
  const total = perEpoch * epochs;
  const finalAcc = opts.finalBatchAcc ?? 0.5;
  for (let i = 1; i <= total; i++) {
    rec.steps.step.push(i);
    rec.steps.epoch.push(i / perEpoch);
    rec.steps.seconds.push(i);
    rec.steps.loss.push(2.3 - (i / total) * 1.5);
    rec.steps.batchAcc.push(0.1 + ((finalAcc - 0.1) * i) / total);
    rec.steps.imagesPerSec.push(20);
  }
  opts.top1.forEach((top1, e) => {
    const trainAcc = opts.trainAcc?.[e] ?? 1 - top1 + 0.05;
    rec.evals.push({
      step: (e + 1) * perEpoch,
      epoch: e + 1,
      kind: 'epoch',
      trainAcc,
      trainLoss: 1,
      testAcc: 1 - top1,
      testLoss: 1,
      top1Error: top1,
      top5Error: opts.top5?.[e] ?? top1 / 4,
      testCount: 500,
      seconds: (e + 1) * perEpoch,
    });
  });
  rec.status = 'done';
  rec.endedAt = 2000;
  return rec;
}
