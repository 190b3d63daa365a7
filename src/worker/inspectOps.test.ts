import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, type TrainableModel } from '../model/build';
import { buildSpec, defaultConfig } from '../model/spec';
import { computeShapes } from '../model/shapes';
import type { ImageSet } from '../shared/dataset';
import { firstLayerTiles, forwardOne, predictTestSet } from './inspectOps';
import { inputStats } from '../data/whiten';
import { makeBatch } from '../data/batches';

beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  await tf.ready();
});

const stats = {
  mean: [0.5, 0.5, 0.5] as [number, number, number],
  std: [0.25, 0.25, 0.25] as [number, number, number],
};
const spec = buildSpec(defaultConfig('cifar'));
let model: TrainableModel;
beforeAll(() => {
  model = createModel(spec, 3);
});
afterAll(() => model.dispose());

function images(n: number): ImageSet {
  const imgs = new Uint8Array(n * 3072);
  for (let i = 0; i < imgs.length; i++) imgs[i] = (i * 37) % 256;
  return { count: n, images: imgs, labels: Uint8Array.from({ length: n }, (_, i) => i % 10) };
}

describe('forwardOne', () => {
  it('returns every conv/LRN/pool/FC layer with the shape table’s shapes, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await forwardOne(model, images(1).images, stats);
    expect(tf.memory().numTensors).toBe(before);
    const rows = computeShapes(spec).filter((row) => ['conv', 'lrn', 'maxpool', 'dense'].includes(row.kind));
    expect(r.layers.map((l) => l.name)).toEqual(rows.map((row) => row.name));
    r.layers.forEach((l, i) => {
      expect(l.shape).toEqual(rows[i].outShape.map(Math.floor));
      expect(l.values.length).toBe(l.shape.reduce((a, b) => a * b, 1));
    });
    expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(r.top5.map((t) => t.p)).toEqual([...r.probs].sort((a, b) => b - a).slice(0, 5));
    expect(r.upscaled).toBeNull();
    // The last FC layer's values are the logits: softmax of them is probs.
    const logits = r.layers[r.layers.length - 1].values;
    const e = Array.from(logits, (v) => Math.exp(v - Math.max(...logits)));
    expect(e[0] / e.reduce((a, b) => a + b, 0)).toBeCloseTo(r.probs[0], 5);
  });
});

describe('forwardOne with a mean image or ZCA (the input preprocessing settings)', () => {
  it('classifies with the same normalisation as training, and previews the photo itself upscaled', async () => {
    // The paper preset at ×¼ width: it upscales inside the network, and is quick.
    const paper = createModel(buildSpec({ ...defaultConfig('paper'), width: '1/4' }), 5);
    try {
      const set = images(4);
      const rgb = set.images.subarray(0, 3072);
      for (const pre of ['pixel-mean', 'zca'] as const) {
        const s = inputStats(set, [0, 1, 2, 3], pre);
        const before = tf.memory().numTensors;
        const r = await forwardOne(paper, rgb, s);
        expect(tf.memory().numTensors).toBe(before);
        // The same logits as the network's forward pass on makeBatch's input: one normalisation.
        const want = tf.tidy(() =>
          paper.forwardWithActivations(makeBatch(set, [0], 0, 1, s).x).logits.dataSync(),
        );
        expect(r.layers[r.layers.length - 1].values[3]).toBeCloseTo(want[3], 4);
        const up = tf.tidy(() =>
          tf.image
            .resizeBilinear(tf.tensor3d(Float32Array.from(rgb), [32, 32, 3]), [227, 227])
            .round()
            .dataSync(),
        );
        expect(r.upscaled?.size).toBe(227);
        expect(Array.from(r.upscaled!.pixels.subarray(0, 500))).toEqual(Array.from(up.subarray(0, 500)));
      }
    } finally {
      paper.dispose();
    }
  });
});

describe('firstLayerTiles', () => {
  it('lays out conv1 [k, k, 3, F] as F tiles of k×k RGB, each scaled to 0…255', async () => {
    const tiles = await firstLayerTiles(model);
    const kernel = model.params.find((p) => p.role === 'kernel')!.variable;
    const [k, , , f] = kernel.shape;
    expect(tiles).toMatchObject({
      kernel: k,
      count: f,
      layer: spec.layers.find((l) => l.kind === 'conv')!.name,
    });
    const w = kernel.dataSync();
    // Filter 5: its largest weight maps to 255 at the same (y, x, c), its smallest to 0.
    let hi = -Infinity;
    let lo = Infinity;
    let hiAt = 0;
    let loAt = 0;
    for (let i = 0; i < k * k * 3; i++) {
      const v = w[i * f + 5];
      if (v > hi) [hi, hiAt] = [v, i];
      if (v < lo) [lo, loAt] = [v, i];
    }
    expect(tiles.pixels[5 * k * k * 3 + hiAt]).toBe(255);
    expect(tiles.pixels[5 * k * k * 3 + loAt]).toBe(0);
  });
});

describe('predictTestSet', () => {
  it('predicts in chunks and counts a confusion matrix over the images', async () => {
    const set = images(7);
    const idx = Uint32Array.from([6, 0, 3, 1, 5]);
    const r = await predictTestSet(model, set, idx, stats, 2);
    expect(Array.from(r.labels)).toEqual([6, 0, 3, 1, 5]);
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(Array.from(r.pixels.subarray(0, 3072))).toEqual(
      Array.from(set.images.subarray(6 * 3072, 7 * 3072)),
    );
    // Chunked predictions equal one image at a time.
    const single = await forwardOne(model, set.images.slice(3 * 3072, 4 * 3072), stats);
    expect(r.probs[2 * 10 + single.top5[0].cls]).toBeCloseTo(single.top5[0].p, 5);
    expect(r.preds[2]).toBe(single.top5[0].cls);
  });
});
