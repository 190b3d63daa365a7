// Test helpers shared by the kernel tests: fixed inputs, the same computation on cpu and wasm,
// and the tolerance every replacement kernel is held to.
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';

/** Fixed pseudo-random values in [-1, 1) (or small integers, to provoke ties in max-pooling). */
export function values(n: number, seed: number, ties = false): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    const u = s / 4294967296;
    return ties ? Math.floor(u * 3) : u * 2 - 1;
  });
}

/** Runs `fn` on cpu and on wasm; returns both results as plain arrays. */
export async function onBoth(fn: () => tf.Tensor[]): Promise<{ cpu: Float32Array[]; wasm: Float32Array[] }> {
  const run = async (backend: string) => {
    await tf.setBackend(backend);
    const out = tf.tidy(fn);
    const data = out.map((t) => t.dataSync() as Float32Array);
    tf.dispose(out);
    return data;
  };
  const cpu = await run('cpu');
  const wasm = await run('wasm');
  return { cpu, wasm };
}

/**
 * float32 with a different summation order (XNNPACK, SIMD lanes vs loops): the largest difference
 * must stay below 1e-4 of the largest magnitude of the cpu result.
 */
export function expectClose(actual: Float32Array, expected: Float32Array, what: string) {
  expect(actual.length, what).toBe(expected.length);
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
  }
  expect(scale, `${what}: all zero`).toBeGreaterThan(0);
  expect(diff / scale, what).toBeLessThan(1e-4);
}
