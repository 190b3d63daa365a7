// Checking data from outside (an imported file, the URL) before it reaches the store. Each check
// names what is wrong in plain words; nothing here throws on bad input except `fail`, caught by callers.

import type { RunSettings } from '../shared/types';
import { ACTIVATIONS, POOLINGS } from './plan';

export class InvalidInput extends Error {}

export function fail(message: string): never {
  throw new InvalidInput(message);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function num(v: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
    fail(`${what} should be a number between ${min} and ${max}.`);
  return v;
}

export function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') fail(`${what} should be true or false.`);
  return v;
}

export function str(v: unknown, what: string, maxLen = 500): string {
  if (typeof v !== 'string' || v.length > maxLen) fail(`${what} should be text.`);
  return v;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(v as T)) fail(`${what} should be one of ${allowed.join(', ')}.`);
  return v as T;
}

export function numArray(v: unknown, what: string): number[] {
  // null stands for a value that was not finite (JSON has no NaN); NaN is what it was.
  if (!Array.isArray(v) || !v.every((x) => x === null || typeof x === 'number'))
    fail(`${what} should be a list of numbers.`);
  return v.map((x) => (x === null ? NaN : x));
}

/** Rebuilds RunSettings from unknown data, field by field (unknown extra fields are dropped). */
export function checkSettings(v: unknown, what = 'settings'): RunSettings {
  if (!isObject(v) || !isObject(v.config) || !isObject(v.optimizer) || !isObject(v.data))
    fail(`${what} are missing the model, optimiser or data part.`);
  const c = v.config;
  const o = v.optimizer;
  const d = v.data;
  if (!Array.isArray(d.batches) || d.batches.length === 0)
    fail(`${what}: the training batches should be a list of 1 to 5.`);
  return {
    config: {
      preset: oneOf(c.preset, ['cifar', 'paper'] as const, 'the preset'),
      activation: oneOf(c.activation, ACTIVATIONS, 'the activation'),
      lrn: bool(c.lrn, 'LRN'),
      dropout: bool(c.dropout, 'dropout'),
      pooling: oneOf(c.pooling, POOLINGS, 'the pooling'),
      grouped: bool(c.grouped, 'grouped'),
    },
    optimizer: {
      learningRate: num(o.learningRate, 'the learning rate', 1e-6, 1),
      momentum: num(o.momentum, 'the momentum', 0, 0.999),
      weightDecay: num(o.weightDecay, 'the weight decay', 0, 0.1),
      batchSize: Math.round(num(o.batchSize, 'the batch size', 1, 1024)),
      decayOnPlateau: bool(o.decayOnPlateau, 'decay on plateau'),
      plateauEpochs: Math.round(num(o.plateauEpochs, 'the plateau epochs', 1, 100)),
    },
    data: {
      batches: d.batches.map((b) => Math.round(num(b, 'a training batch', 1, 5))),
      quick: bool(d.quick, 'quick mode'),
      quickTrain: Math.round(num(d.quickTrain, 'the quick-mode training images', 0, 50000)),
      quickTest: Math.round(num(d.quickTest, 'the quick-mode test images', 0, 10000)),
    },
    epochs: Math.round(num(v.epochs, 'the epochs', 1, 500)),
    seed: Math.round(num(v.seed, 'the seed', 0, 2 ** 31 - 1)),
    ...optionalParts(v, what),
  };
}

/** Augmentation, schedule and test-time averaging: optional (absent = off), checked when present. */
function optionalParts(v: Record<string, unknown>, what: string): Partial<RunSettings> {
  const out: Partial<RunSettings> = {};
  if (v.augment !== undefined) {
    const a = isObject(v.augment) ? v.augment : fail(`${what}: the augmentation is not readable.`);
    out.augment = {
      flip: bool(a.flip, 'flip'),
      crop: bool(a.crop, 'crop'),
      pcaColor: bool(a.pcaColor, 'PCA colour'),
    };
  }
  if (v.schedule !== undefined) {
    const s = isObject(v.schedule) ? v.schedule : fail(`${what}: the schedule is not readable.`);
    out.schedule = {
      kind: oneOf(s.kind, ['constant', 'step', 'cosine'] as const, 'the schedule'),
      warmupEpochs: num(s.warmupEpochs, 'the warm-up epochs', 0, 500),
      stepEpochs: num(s.stepEpochs, 'the step epochs', 1, 500),
      stepFactor: num(s.stepFactor, 'the step factor', 0, 1),
    };
  }
  if (v.tta !== undefined) out.tta = bool(v.tta, 'test-time averaging');
  return out;
}
