import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, type TrainableModel } from './build';
import { loadModel, saveModel, type SavedMeta } from './io';
import { buildSpec, defaultConfig } from './spec';
import type { ProblemError } from '../shared/problem';

beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  await tf.ready();
});

const config = defaultConfig('cifar');
const meta: SavedMeta = {
  config,
  seed: 7,
  stats: { mean: [0.49, 0.48, 0.45], std: [0.25, 0.24, 0.26] },
  trained: true,
  epochs: 1,
  provenance: 'test',
  savedAt: '2026-01-01T00:00:00Z',
};

let original: TrainableModel;
beforeAll(() => {
  original = createModel(buildSpec(config), 7);
});
afterAll(() => original.dispose());

describe('model save/load', () => {
  it('round-trips: identical weights, identical logits, same metadata', async () => {
    const { json, weights } = await saveModel(original, meta);
    const parsed = JSON.parse(json);
    expect(parsed.weightsManifest[0].paths).toEqual(['alexnet-lab.weights.bin']);
    const { model, meta: back } = loadModel(json, weights);
    try {
      expect(back).toEqual(meta);
      for (let i = 0; i < original.variables.length; i++) {
        const a = original.variables[i].dataSync();
        const b = model.variables[i].dataSync();
        expect(b.length).toBe(a.length);
        expect(Buffer.from(b.buffer).equals(Buffer.from(a.buffer))).toBe(true);
      }
      const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
      const l1 = original.forward(x, { training: false });
      const l2 = model.forward(x, { training: false });
      expect(Array.from(l2.dataSync())).toEqual(Array.from(l1.dataSync()));
      tf.dispose([x, l1, l2]);
    } finally {
      model.dispose();
    }
  });

  it('refuses weights of another configuration', async () => {
    const { json, weights } = await saveModel(original, meta);
    const other = JSON.parse(json);
    other.metadata.config = { ...config, grouped: !config.grouped };
    expect(() => loadModel(JSON.stringify(other), weights)).toThrow(
      /^model\.(shapeMismatch|missingArray|arrayCount)$/,
    );
  });

  it('refuses a truncated weights file and a broken model.json', async () => {
    const { json, weights } = await saveModel(original, meta);
    const truncated = (() => {
      try {
        loadModel(json, weights.slice(0, 1000));
      } catch (e) {
        return (e as ProblemError).problem;
      }
    })();
    expect(truncated).toEqual({
      code: 'model.weightsSize',
      params: { bytes: 1000, expected: weights.byteLength },
    });
    expect(() => loadModel('{"format": "alexnet-lab", ', weights)).toThrow(/^model\.notJson$/);
    expect(() => loadModel('{"modelTopology": {}}', weights)).toThrow(/^model\.notOurs$/);
  });

  it('creates no tensors when it refuses', async () => {
    const { json, weights } = await saveModel(original, meta);
    const bad = JSON.parse(json);
    bad.metadata.config = { ...config, preset: 'paper' };
    const before = tf.memory().numTensors;
    expect(() => loadModel(JSON.stringify(bad), weights)).toThrow();
    expect(tf.memory().numTensors).toBe(before);
  });
});
