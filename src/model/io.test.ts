import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, type TrainableModel } from './build';
import { loadModel, saveModel, saveWeights, type SavedMeta, type WeightValues } from './io';
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

/** The model's weights as copies apart from it, as a checkpoint holds them. */
const valuesOf = (m: TrainableModel): WeightValues[] =>
  m.params.map((p) => ({
    layer: p.layer,
    role: p.role,
    shape: p.variable.shape,
    values: p.variable.dataSync().slice() as Float32Array,
  }));
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

  it('writes the same files from weights held apart from the model (a checkpoint copy)', async () => {
    const a = await saveModel(original, meta, 'x.weights.bin');
    const b = saveWeights(original.spec, valuesOf(original), meta, 'x.weights.bin');
    expect(b.json).toBe(a.json);
    expect(Buffer.from(b.weights).equals(Buffer.from(a.weights))).toBe(true);
    // The bytes and the manifest are TF.js's own weights format.
    const named = original.params.map((p) => ({
      name: `${p.layer}/${p.role}`,
      tensor: p.variable as tf.Tensor,
    }));
    const ref = await tf.io.encodeWeights(named);
    expect(Buffer.from(b.weights).equals(Buffer.from(ref.data))).toBe(true);
    expect(JSON.parse(b.json).weightsManifest[0].weights).toEqual(ref.specs);
    const { model } = loadModel(b.json, b.weights);
    model.dispose();
  });

  it('writes float16 files half the size that load within float16 rounding', async () => {
    const full = await saveModel(original, meta);
    const half = saveWeights(original.spec, valuesOf(original), meta, 'h.weights.bin', 'float16');
    expect(half.weights.byteLength).toBe(full.weights.byteLength / 2);
    const { model, meta: back } = loadModel(half.json, half.weights);
    try {
      expect(back).toEqual(meta);
      let worst = 0; // the largest error in units of the allowed rounding
      for (let i = 0; i < original.variables.length; i++) {
        const a = original.variables[i].dataSync();
        const b = model.variables[i].dataSync();
        for (let j = 0; j < a.length; j++)
          worst = Math.max(worst, Math.abs(b[j] - a[j]) / Math.max(Math.abs(a[j]) * 2 ** -11, 2 ** -25));
      }
      expect(worst).toBeLessThanOrEqual(1);
      expect(worst).toBeGreaterThan(0); // rounded, not copied
    } finally {
      model.dispose();
    }
  });

  it('refuses a float16 file with an infinite weight, and a quantisation it does not know', async () => {
    const half = saveWeights(original.spec, valuesOf(original), meta, 'h.weights.bin', 'float16');
    const broken = half.weights.slice(0);
    new Uint16Array(broken)[5] = 0x7c00;
    expect(refusal(half.json, broken)).toEqual({ code: 'model.nonFinite', params: { name: 'conv1/kernel' } });
    const json = JSON.parse(half.json);
    json.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 0.1, min: 0 };
    expect(refusal(JSON.stringify(json), half.weights)).toEqual({ code: 'model.badManifest' });
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

  const refusal = (json: string, weights: ArrayBuffer) => {
    try {
      loadModel(json, weights).model.dispose();
    } catch (e) {
      return (e as ProblemError).problem;
    }
    return null;
  };

  it('refuses NaN or infinite weights, naming the array', async () => {
    const { json, weights } = await saveModel(original, meta);
    const nan = new Float32Array(weights.slice(0));
    nan.fill(NaN);
    expect(refusal(json, nan.buffer)).toEqual({ code: 'model.nonFinite', params: { name: 'conv1/kernel' } });
    const inf = new Float32Array(weights.slice(0));
    inf[inf.length - 1] = -Infinity;
    expect(refusal(json, inf.buffer)).toEqual({ code: 'model.nonFinite', params: { name: 'fc8/bias' } });
  });

  it('refuses metadata out of range, naming the field', async () => {
    const { json, weights } = await saveModel(original, meta);
    const withMeta = (patch: Record<string, unknown>) => {
      const m = JSON.parse(json);
      Object.assign(m.metadata, patch);
      return JSON.stringify(m);
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ seed: 1e308 }, 'seed'],
      [{ seed: -1 }, 'seed'],
      [{ seed: 1.5 }, 'seed'],
      [{ epochs: -1e308 }, 'epochs'],
      [{ epochs: '3' }, 'epochs'],
      [{ trained: 'yes' }, 'trained'],
      [{ provenance: 42 }, 'provenance'],
      [{ savedAt: null }, 'savedAt'],
      [{ stats: { mean: [0.5, 0.5, 0.5], std: [0, 0.2, 0.2] } }, 'stats'],
      [{ stats: { mean: [1e308, 0.5, 0.5], std: [0.2, 0.2, 0.2] } }, 'stats'],
    ];
    for (const [patch, field] of cases)
      expect(refusal(withMeta(patch), weights)).toEqual({ code: 'model.badMeta', params: { field } });
  });

  it('round-trips a narrower model with its mean image and ZCA matrix; refuses damaged ones', async () => {
    const narrow = createModel(buildSpec({ ...config, width: '1/4' }), 7);
    try {
      const pixelMean = Array.from({ length: 3072 }, (_, i) => (i % 256) / 255);
      const zca = Array.from({ length: 192 * 192 }, (_, i) => (i % 193 === 0 ? 2 : 0.01));
      const m: SavedMeta = {
        ...meta,
        config: { ...config, width: '1/4' },
        stats: { ...meta.stats, pixelMean, zca },
      };
      const { json, weights } = await saveModel(narrow, m);
      const { model, meta: back } = loadModel(json, weights);
      expect(back).toEqual(m);
      expect(model.params.find((p) => p.layer === 'conv1' && p.role === 'kernel')?.variable.shape).toEqual([
        5, 5, 3, 16,
      ]);
      model.dispose();
      const withStats = (patch: Record<string, unknown>) => {
        const j = JSON.parse(json);
        Object.assign(j.metadata.stats, patch);
        return JSON.stringify(j);
      };
      const bad = { code: 'model.badMeta', params: { field: 'stats' } };
      expect(refusal(withStats({ pixelMean: pixelMean.slice(1) }), weights)).toEqual(bad);
      expect(refusal(withStats({ pixelMean: [2, ...pixelMean.slice(1)] }), weights)).toEqual(bad);
      expect(refusal(withStats({ zca: zca.slice(1) }), weights)).toEqual(bad);
      expect(refusal(withStats({ pixelMean: undefined }), weights)).toEqual(bad);
      const j = JSON.parse(json);
      j.metadata.config.width = '1/3';
      expect(refusal(JSON.stringify(j), weights)).toEqual({ code: 'model.noConfig' });
    } finally {
      narrow.dispose();
    }
  });

  it('refuses a damaged weights manifest with a Problem, never an exception of its own', async () => {
    const { json, weights } = await saveModel(original, meta);
    const withManifest = (
      edit: (m: { weightsManifest: { weights: Record<string, unknown>[] }[] }) => void,
    ) => {
      const m = JSON.parse(json);
      edit(m);
      return JSON.stringify(m);
    };
    const damaged = [
      withManifest((m) => (m.weightsManifest[0].weights[0].shape = 'big')),
      withManifest((m) => (m.weightsManifest[0].weights[0].shape = ['5', 5, 3, 64])),
      withManifest((m) => (m.weightsManifest[0].weights[0].shape = [-5, -5, 3, 64])),
      withManifest((m) => (m.weightsManifest[0].weights[0].name = 7)),
      withManifest((m) => (m.weightsManifest[0].weights[1].name = 'conv1/kernel')),
      withManifest(
        (m) => (m.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 1, min: 0 }),
      ),
      withManifest((m) => ((m.weightsManifest[0] as unknown as { weights: unknown }).weights = 3)),
      withManifest((m) => ((m as unknown as { weightsManifest: unknown[] }).weightsManifest = [null])),
    ];
    for (const text of damaged) expect(refusal(text, weights)).toEqual({ code: 'model.badManifest' });
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
