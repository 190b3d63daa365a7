// Helpers for the webgpu kernel tests (*.test.ts beside this file), which run on Dawn in Node:
// vitest.config.ts gives that project the SwiftShader environment and bench/webgpu-globals.ts.
import * as tf from '@tensorflow/tfjs';

/** Starts the webgpu backend or throws: a missing adapter must fail the tests, not skip them. */
export async function startWebGpu(): Promise<void> {
  const ok = await tf.setBackend('webgpu').catch(() => false);
  if (!ok)
    throw new Error(
      'the webgpu backend did not start: no WebGPU adapter (Dawn needs Vulkan; SwiftShader comes with ' +
        "Debian's chromium: LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)",
    );
  await tf.ready();
}

/** Fixed pseudo-random values in [-1, 1) (or small integers, to provoke ties in max-pooling). */
export function values(n: number, seed: number, ties = false): Float32Array {
  let s = seed;
  return Float32Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    const u = s / 4294967296;
    return ties ? Math.floor(u * 3) : u * 2 - 1;
  });
}

/** Runs `fn` on cpu, then on webgpu; returns both results as plain arrays. */
export async function onCpuAndWebGpu(
  fn: () => tf.Tensor[],
): Promise<{ cpu: Float32Array[]; gpu: Float32Array[] }> {
  const run = async (backend: string) => {
    await tf.setBackend(backend);
    const out = tf.tidy(fn);
    const data = await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
    tf.dispose(out);
    return data;
  };
  const cpu = await run('cpu');
  const gpu = await run('webgpu');
  return { cpu, gpu };
}

/** Largest |actual − expected| over the largest |expected| (the scale); NaN when lengths differ. */
export function relativeError(
  actual: Float32Array,
  expected: Float32Array,
): { error: number; scale: number } {
  if (actual.length !== expected.length) return { error: NaN, scale: 0 };
  let scale = 0;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
  }
  return { error: diff / scale, scale };
}

export type Pad = 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];
export const explicit = (top: number, bottom = top, left = top, right = left): Pad => [
  [0, 0],
  [top, bottom],
  [left, right],
  [0, 0],
];
