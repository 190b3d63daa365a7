// Dropout (Krizhevsky et al. 2012, section 4.2) as one kernel whose mask is a hash of (seed,
// element index), where a backend has that kernel (HashDropout: ours on webgpu, and on cpu so
// that the two can be compared); tf.dropout elsewhere.
//
// Why: tf.dropout draws its mask on the CPU in JavaScript and uploads it, then runs four
// element-wise kernels forward (add, floor, mul, div) and keeps the mask for the backward pass.
// Hashing the index gives the same Bernoulli(1 − rate) mask on the GPU in the one pass that
// applies it, and the gradient is the same kernel applied to dy with the same seed: the mask is
// recomputed, never stored.
//
// The hash is PCG's output permutation used as a hash (Jarzynski & Olano, "Hash Functions for GPU
// Rendering", JCGT 2020): element i of a tensor is kept when the top 24 bits of
// pcg(i XOR pcg(seed)) are ≥ round(rate · 2^24), and scaled by 1 / (1 − rate) so that the
// expectation is unchanged. Integer arithmetic only, so every backend draws the same mask.
import * as tf from '@tensorflow/tfjs-core';
import { isOwnKernel } from '../shared/ownKernels';
import { HASH_DROPOUT, type HashDropoutAttrs } from '../shared/customOps';

/** Whether dropout() uses the HashDropout kernel on `backend`. */
export function usesHashDropout(backend: string): boolean {
  return isOwnKernel(tf.getKernel(HASH_DROPOUT, backend)?.kernelFunc);
}

// dL/dx = dL/dy · mask · scale: the forward kernel on dy, same attributes, same mask. Registered
// where the op is defined, so that any backend's HashDropout kernel is differentiable.
tf.registerGradient({
  kernelName: HASH_DROPOUT,
  gradFunc: (dy, _saved, attrs) => ({
    x: () =>
      tf.engine().runKernel(HASH_DROPOUT, { x: dy as tf.Tensor }, attrs as tf.NamedAttrMap) as tf.Tensor,
  }),
});

/**
 * Training-time dropout of x (any shape) with probability `rate` in [0, 1); `seed` fixes the
 * mask (undefined: a fresh one). Same distribution with or without the kernel; the masks of the
 * two paths differ.
 */
export function dropout<T extends tf.Tensor>(x: T, rate: number, seed?: number): T {
  if (!(rate >= 0 && rate < 1)) throw new Error(`dropout rate must be in [0, 1), got ${rate}`);
  if (rate === 0) return x;
  if (!usesHashDropout(tf.getBackend())) return tf.dropout(x, rate, undefined, seed) as T;
  const attrs: HashDropoutAttrs = {
    rate,
    seed: seed === undefined ? Math.floor(Math.random() * 2 ** 32) : seed >>> 0,
  };
  return tf.engine().runKernel(HASH_DROPOUT, { x }, attrs) as T;
}
