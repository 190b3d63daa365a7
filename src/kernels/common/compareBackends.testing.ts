// Test helpers shared by the wasm and webgpu kernel tests: fixed inputs, the same computation on
// cpu and on the backend under test, and the relative tolerance each kernel is held to.
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

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

export type Pad = 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];
/** tf's explicit NHWC padding: rows top/bottom, columns left/right. */
export const explicit = (top: number, bottom = top, left = top, right = left): Pad => [
  [0, 0],
  [top, bottom],
  [left, right],
  [0, 0],
];

/** Runs `fn` on cpu, then on `backend`; returns both results as plain arrays. */
export async function onCpuAnd(
  backend: string,
  fn: () => tf.Tensor[],
): Promise<{ cpu: Float32Array[]; other: Float32Array[] }> {
  const run = async (name: string) => {
    await tf.setBackend(name);
    const out = tf.tidy(fn);
    const data = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(out);
    return data;
  };
  const cpu = await run('cpu');
  const other = await run(backend);
  return { cpu, other };
}

/** Runs `fn` on cpu and on wasm; returns both results as plain arrays. */
export async function onBoth(fn: () => tf.Tensor[]): Promise<{ cpu: Float32Array[]; wasm: Float32Array[] }> {
  const { cpu, other } = await onCpuAnd('wasm', fn);
  return { cpu, wasm: other };
}

/**
 * float32 with a different summation order (XNNPACK, SIMD lanes, GPU tiles vs loops): the
 * largest difference must stay below `tolerance` (1e-4 unless a test needs tighter) of the
 * largest magnitude of the cpu result.
 */
export function expectClose(actual: Float32Array, expected: Float32Array, what: string, tolerance = 1e-4) {
  expect(actual.length, what).toBe(expected.length);
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
  }
  expect(scale, `${what}: all zero`).toBeGreaterThan(0);
  expect(diff / scale, what).toBeLessThan(tolerance);
}
