// Helpers for the webgpu kernel tests (*.test.ts beside this file), which run on Dawn in Node:
// vitest.config.ts gives that project the SwiftShader environment and src/runtime/nodeWebGpu.ts.
// The helpers they share with the wasm tests are in ../common/compareBackends.testing.ts.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { onCpuAnd } from '../common/compareBackends.testing';
import { setKernelChoice } from '../choice';

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

/** Runs `fn` on cpu, then on webgpu; returns both results as plain arrays. */
export async function onCpuAndWebGpu(
  fn: () => tf.Tensor[],
): Promise<{ cpu: Float32Array[]; gpu: Float32Array[] }> {
  const { cpu, other } = await onCpuAnd('webgpu', fn);
  return { cpu, gpu: other };
}

/**
 * Runs `once` (which must dispose what it makes) once to warm up, then three more times: the
 * tensor count and byte total must not move.
 */
export async function expectFlatMemory(once: () => Promise<void>): Promise<void> {
  await once();
  const tensors = tf.memory().numTensors;
  const bytes = tf.memory().numBytes;
  for (let i = 0; i < 3; i++) await once();
  expect(tf.memory().numTensors).toBe(tensors);
  expect(tf.memory().numBytes).toBe(bytes);
}

/**
 * Declares `tests` once per GEMM tile size (tiledGemm.ts), each block with its tile forced while
 * it runs, so that every convolution case checks both.
 */
export function withEachGemmTile(tests: () => void): void {
  describe.each([64, 128] as const)('with %i-tiles', (tile) => {
    beforeAll(() => setKernelChoice({ gemmTile: tile }));
    afterAll(() => setKernelChoice({ gemmTile: 'auto' }));
    tests();
  });
}
