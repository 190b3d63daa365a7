// Dropout (Krizhevsky et al. 2012, section 4.2) as one kernel whose mask is a hash of (seed,
// element index), where a backend has that kernel (HashDropout: ours on webgpu, and on cpu so
// that the two can be compared); tf.dropout elsewhere.
//
// Why: tf.dropout draws its mask on the CPU in JavaScript (~4 ms for 128×4096 here) and uploads
// it, then runs four element-wise kernels forward (add, floor, mul, div) and keeps the mask for
// the backward pass. Hashing the index gives the same Bernoulli(1 − rate) mask on the GPU in the
// one pass that applies it, and the gradient is the same kernel applied to dy with the same
// seed: the mask is recomputed, never stored.
//
// The hash is PCG's output permutation used as a hash (Jarzynski & Olano, "Hash Functions for GPU
// Rendering", JCGT 2020): element i of a tensor is kept when the top 24 bits of
// pcg(i XOR pcg(seed)) are ≥ round(rate · 2^24), and scaled by 1 / (1 − rate) so that the
// expectation is unchanged. Integer arithmetic only, so every backend draws the same mask.
import * as tf from '@tensorflow/tfjs';

export const HASH_DROPOUT = 'HashDropout';

/** Attributes of a HashDropout kernel call (the gradient reuses them: same mask). */
export interface HashDropoutAttrs {
  rate: number;
  /** Unsigned 32-bit seed. */
  seed: number;
  [key: string]: number;
}

/** PCG's 32-bit permutation as a hash, in unsigned 32-bit arithmetic (the WGSL twin must agree). */
export function pcgHash(v: number): number {
  const state = (Math.imul(v, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The kept-or-not threshold on 24 hash bits, and the scale of kept elements (both as the kernels use them). */
export function dropoutConstants(rate: number): { threshold: number; scale: number } {
  return { threshold: Math.round(rate * 2 ** 24), scale: Math.fround(1 / (1 - rate)) };
}

/**
 * Reference of the kernel: y[i] = x[i] · scale when element i is kept, else 0, over a flat
 * array (any shape: the index is the element's position in row-major order).
 */
export function hashDropoutReference(x: ArrayLike<number>, attrs: HashDropoutAttrs): Float32Array {
  const { threshold, scale } = dropoutConstants(attrs.rate);
  const key = pcgHash(attrs.seed >>> 0);
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = pcgHash((i ^ key) >>> 0) >>> 8 >= threshold ? x[i] * scale : 0;
  return y;
}

/** Whether dropout() uses the HashDropout kernel on `backend`. */
export function usesHashDropout(backend: string): boolean {
  return tf.getKernel(HASH_DROPOUT, backend) !== undefined;
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
