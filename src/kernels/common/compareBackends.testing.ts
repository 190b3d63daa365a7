// Test helpers shared by the wasm and webgpu kernel tests: fixed inputs, the same computation on
// cpu and on the backend under test, and the relative tolerance each kernel is held to.
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { relativeError } from '../../shared/closeness';
import { resultsOn } from './resultsOn';

export { size, values } from '../../shared/closeness';

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
  const cpu = await resultsOn('cpu', fn);
  const other = await resultsOn(backend, fn);
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
  expect(
    expected.some((v) => v !== 0),
    `${what}: all zero`,
  ).toBe(true);
  expect(relativeError(actual, expected), what).toBeLessThan(tolerance);
}
