import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastest, readCachedFigures, timeProbeStep, writeCachedFigures } from './backendProbe';
import { registerWasmTrainingKernels } from '../kernels/wasm';

describe('fastest', () => {
  it('picks the smallest measured time and ignores backends that were not measured', () => {
    expect(
      fastest([
        { backend: 'webgpu', ms: null, note: { code: 'backend.note.software' } },
        { backend: 'wasm', ms: 80 },
        { backend: 'webgl', ms: 120 },
      ]),
    ).toBe('wasm');
    expect(
      fastest([
        { backend: 'wasm', ms: 80 },
        { backend: 'webgpu', ms: 7 },
      ]),
    ).toBe('webgpu');
  });

  it('returns null when nothing was measured', () => {
    expect(fastest([{ backend: 'webgpu', ms: null }])).toBeNull();
    expect(fastest([])).toBeNull();
  });
});

it('the cache is optional: without IndexedDB (Node) reads give null and writes do not throw', async () => {
  await writeCachedFigures('k', [{ backend: 'wasm', ms: 1 }]);
  expect(await readCachedFigures('k')).toBeNull();
});

it('times the probe step (conv fwd + both gradients) on wasm', async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  const before = tf.memory().numTensors;
  const ms = await timeProbeStep();
  expect(ms).toBeGreaterThan(0);
  expect(ms).toBeLessThan(30_000);
  expect(tf.memory().numTensors).toBe(before);
});
