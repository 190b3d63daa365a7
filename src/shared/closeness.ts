// How close a backend's float32 result is to the reference backend's: what the kernel tests
// assert (kernels/common/compareBackends.testing.ts) and what the start-up self-test measures on the user's GPU
// (kernels/webgpu/selfTest.ts, train/stepCheck.ts). Pure: no TF.js.

/** Number of elements of a tensor of this shape. */
export const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Fixed pseudo-random values in [-1, 1) (or small integers, to provoke ties in max-pooling). */
export function values(n: number, seed: number, ties = false): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    const u = s / 4294967296;
    return ties ? Math.floor(u * 3) : u * 2 - 1;
  });
}

/**
 * The largest absolute difference divided by the largest magnitude of `expected` (summation
 * orders differ between backends, so errors scale with the result, not with each element).
 * Infinity when lengths differ, any value is not finite, or `expected` is all zero while
 * `actual` is not; 0 for two all-zero arrays.
 */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!Number.isFinite(d)) return Infinity;
    scale = Math.max(scale, Math.abs(expected[i]));
    diff = Math.max(diff, d);
  }
  if (scale === 0) return diff === 0 ? 0 : Infinity;
  return diff / scale;
}
