// Seeded initial values for the model's variables, so one run seed gives the same network on
// every backend (tf.randomNormal draws its numbers in JS, not on the backend).
import * as tf from '@tensorflow/tfjs-core';
import type { WeightInit } from '../shared/types';

/** A different, reproducible 31-bit seed for each variable of a run (integer hash of both). */
export function deriveSeed(runSeed: number, index: number): number {
  let h = Math.imul((runSeed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 1;
}

/** Standard deviation of a kernel: fixed for `normal`, sqrt(2 / fanIn) for He. */
export function initStd(init: WeightInit, fanIn: number): number {
  return init.kind === 'normal' ? init.std : Math.sqrt(2 / fanIn);
}

/**
 * A kernel drawn from N(0, std²).
 * @param shape [k, k, cIn / groups, filters] for conv, [fanIn, units] for dense
 */
export function initialKernel(shape: number[], init: WeightInit, fanIn: number, seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, initStd(init, fanIn), 'float32', seed);
}
