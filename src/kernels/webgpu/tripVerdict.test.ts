// The guard's verdict on a rising loss (worker/tripVerdict.ts) on Dawn/SwiftShader: the run's next
// step from its weights on webgpu against wasm. The same numbers blame the settings (no offer to
// move); a GPU kernel that gives wrong results (the test hook negates LRN's output) is named as
// the GPU's fault, with the offer to go on on WebAssembly.
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setKernelChoice } from '../choice';
import { loadWebGpu, registerKernels } from '../index';
import { startWebGpu } from './testing';
import { runPointAt, tripVerdict } from '../../worker/tripVerdict';
import { stepCaseAt } from '../../train/stepCheck';
import { createModel } from '../../model/build';
import { buildSpec, defaultConfig } from '../../model/spec';
import { channelStats } from '../../data/batches';
import { fixtureImages } from '../../../cli/twin';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { compactSettings } from '../../shared/settingsRecipe';
import type { GuardTrip } from '../../train/guard';
import type { Dataset } from '../../shared/dataset';

const config = defaultConfig('cifar');
const rising: GuardTrip = { code: 'guard.lossRising', step: 60, layer: null, loss: 7.25 };
const images = fixtureImages();
const dataset = {
  train: { ...images, batchOf: new Uint8Array(images.count).fill(1) },
  test: images,
} as unknown as Dataset;
const settings = compactSettings({
  ...DEFAULT_SETTINGS,
  config,
  data: { ...DEFAULT_SETTINGS.data, quick: true, quickTrain: 8, quickTest: 4, batches: [1] },
});

beforeAll(async () => {
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  registerKernels('wasm');
  expect(await tf.setBackend('wasm')).toBe(true);
  await loadWebGpu();
  registerKernels('webgpu');
  await startWebGpu();
});
afterAll(() => {
  setKernelChoice({ corruptForTest: null });
  registerKernels('webgpu');
});

async function verdictAt(trip: GuardTrip) {
  const model = createModel(buildSpec(config), 3);
  try {
    const stats = channelStats(
      images,
      Array.from({ length: images.count }, (_, i) => i),
    );
    const point = await runPointAt(model, dataset, settings, stats, 0.01);
    expect(point.shape).toEqual([2, 32, 32, 3]);
    expect(point.weights).toHaveLength(model.variables.length);
    return await tripVerdict(trip, async () => stepCaseAt(config, point));
  } finally {
    model.dispose();
  }
}

describe('tripVerdict on webgpu', () => {
  it('a rising loss the CPU shares is the settings: said, and no move to WebAssembly offered', async () => {
    const v = await verdictAt(rising);
    expect(v.problem.code).toBe('guard.lossRisingSettings');
    expect(v.problem.params).toMatchObject({ step: 60, loss: '7.25' });
    expect(Number(v.problem.params?.error)).toBeLessThan(1e-3);
    expect(v.offerWasm).toBe(false);
    expect(tf.getBackend()).toBe('webgpu');
  }, 600_000);

  it('a GPU that computes the step wrong is named, and WebAssembly is offered', async () => {
    setKernelChoice({ corruptForTest: 'LRN' });
    registerKernels('webgpu');
    const v = await verdictAt(rising);
    expect(v.problem.code).toBe('guard.lossRisingGpu');
    expect(Number(v.problem.params?.error)).toBeGreaterThan(1e-3);
    expect(v.offerWasm).toBe(true);
    expect(tf.getBackend()).toBe('webgpu');
  }, 600_000);

  it('non-finite values always offer the move; without a step to compare, a rising loss does not', async () => {
    const nan: GuardTrip = { code: 'guard.nonFiniteLoss', step: 3, layer: null, loss: NaN };
    expect(await tripVerdict(nan, null)).toEqual({
      problem: { code: 'guard.nonFiniteLoss', params: { step: 3, layer: '', loss: 'NaN' } },
      offerWasm: true,
    });
    const unchecked = await tripVerdict(rising, null);
    expect(unchecked.problem.code).toBe('guard.lossRising');
    expect(unchecked.offerWasm).toBe(false);
  });
});
