// Training throughput of a preset on the current backend, with the same step the app runs.
// Inputs are random (normalised) images: the bench times the model, not the data pipeline.

import * as tf from '@tensorflow/tfjs-core';
import type { PresetId } from '../src/shared/types';
import { buildSpec, defaultConfig } from '../src/model/spec';
import { createModel } from '../src/model/build';
import { createSgdState, disposeSgdState } from '../src/train/sgd';
import { trainStep } from '../src/train/step';
import { profileOnce, type StepProfile } from './profile';

export interface ThroughputResult {
  preset: PresetId;
  backend: string;
  batchSize: number;
  /** Steps timed after the warm-up step (which compiles shaders / allocates). */
  steps: number;
  warmupMs: number;
  msPerStep: number;
  imagesPerSec: number;
  /** One more step under tf.profile(), when asked for. */
  profile?: StepProfile;
  /** Whether each step carried the training guard's per-layer finite sums, as the app's do. */
  guard: boolean;
}

/**
 * Times `steps` training steps at `batchSize` after one warm-up step; reads back each loss.
 * With `profile`, one further step runs under tf.profile() for the per-kernel breakdown.
 * `guard` (default, as the app trains): each step also returns the guard's per-layer sums
 * (train/step.ts); false times the step without them, to measure what they cost.
 */
export async function measureThroughput(
  preset: PresetId,
  batchSize: number,
  steps: number,
  profile = false,
  guard = true,
): Promise<ThroughputResult> {
  const model = createModel(buildSpec(defaultConfig(preset)), 1);
  const sgd = createSgdState(model.variables);
  const x = tf.randomNormal([batchSize, 32, 32, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
  const y = tf.tensor1d(
    Array.from({ length: batchSize }, (_, i) => i % 10),
    'int32',
  );
  const one = async (i: number) => {
    const out = trainStep(model, sgd, x, y, 0.01, { momentum: 0.9, weightDecay: 5e-4 }, i, undefined, guard);
    await out.data();
    out.dispose();
  };
  try {
    let t0 = performance.now();
    await one(0);
    const warmupMs = performance.now() - t0;
    t0 = performance.now();
    for (let i = 1; i <= steps; i++) await one(i);
    const msPerStep = (performance.now() - t0) / steps;
    return {
      preset,
      backend: tf.getBackend(),
      batchSize,
      steps,
      warmupMs,
      msPerStep,
      imagesPerSec: (batchSize * 1000) / msPerStep,
      guard,
      ...(profile ? { profile: await profileOnce(() => one(steps + 1)) } : {}),
    };
  } finally {
    tf.dispose([x, y]);
    disposeSgdState(sgd);
    model.dispose();
  }
}
