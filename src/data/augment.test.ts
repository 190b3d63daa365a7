import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { augmentBatch } from './augment';
import { colorPca, symmetricEigen3 } from './colorPca';
import type { ChannelStats } from './batches';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const stats: ChannelStats = { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] };
const off = { flip: false, crop: false, pcaColor: false };

function randomImages(n: number): tf.Tensor4D {
  return tf.randomNormal([n, 32, 32, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
}

describe('augmentBatch', () => {
  it('crop: every image is exactly a 32×32 window of the zero-padded original', () => {
    const x = randomImages(6);
    const y = augmentBatch(x, { ...off, crop: true }, 5, null, stats);
    const padded = x.pad([
      [0, 0],
      [4, 4],
      [4, 4],
      [0, 0],
    ]);
    const offsetsSeen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const got = y.slice([i, 0, 0, 0], [1, 32, 32, 3]);
      let found = false;
      for (let oy = 0; oy <= 8 && !found; oy++) {
        for (let ox = 0; ox <= 8 && !found; ox++) {
          const window = padded.slice([i, oy, ox, 0], [1, 32, 32, 3]);
          if (tf.abs(window.sub(got)).max().dataSync()[0] < 1e-5) {
            found = true;
            offsetsSeen.add(`${oy},${ox}`);
          }
        }
      }
      expect(found, `image ${i} is a window of the padded image`).toBe(true);
    }
    // Random offsets: not all six images took the same window.
    expect(offsetsSeen.size).toBeGreaterThan(1);
  });

  it('flip: every image is the original or its mirror, and both occur', () => {
    const x = randomImages(16);
    const y = augmentBatch(x, { ...off, flip: true }, 9, null, stats);
    let flipped = 0;
    for (let i = 0; i < 16; i++) {
      const a = x.slice([i, 0, 0, 0], [1, 32, 32, 3]);
      const b = y.slice([i, 0, 0, 0], [1, 32, 32, 3]);
      const same = tf.abs(a.sub(b)).max().dataSync()[0] < 1e-6;
      const mirrored = tf.abs(a.reverse(2).sub(b)).max().dataSync()[0] < 1e-6;
      expect(same || mirrored).toBe(true);
      if (!same) flipped++;
    }
    expect(flipped).toBeGreaterThan(0);
    expect(flipped).toBeLessThan(16);
  });

  it('the same seed gives the same augmentation; another seed a different one', () => {
    const x = randomImages(8);
    const all = { flip: true, crop: true, pcaColor: false };
    const a = augmentBatch(x, all, 3, null, stats);
    const b = augmentBatch(x, all, 3, null, stats);
    const c = augmentBatch(x, all, 4, null, stats);
    expect(tf.abs(a.sub(b)).max().dataSync()[0]).toBe(0);
    expect(tf.abs(a.sub(c)).max().dataSync()[0]).toBeGreaterThan(0);
  });

  it('PCA colour: adds one colour shift per image, along the principal components', () => {
    const x = randomImages(4);
    const pca = symmetricEigen3([
      [0.06, 0.05, 0.04],
      [0.05, 0.06, 0.05],
      [0.04, 0.05, 0.06],
    ]);
    const y = augmentBatch(x, { ...off, pcaColor: true }, 1, pca, stats);
    const delta = y.sub(x); // [4, 32, 32, 3]: constant over pixels
    const spread = delta.max([1, 2]).sub(delta.min([1, 2]));
    expect(spread.max().dataSync()[0]).toBeLessThan(1e-5);
    expect(tf.abs(delta).max().dataSync()[0]).toBeGreaterThan(0);
  });

  it('leaves the tensor count flat', () => {
    const x = randomImages(4);
    const before = tf.memory().numTensors;
    const y = augmentBatch(x, { flip: true, crop: true, pcaColor: false }, 2, null, stats);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('colour PCA', () => {
  it('eigen-decomposition reconstructs the matrix, with orthonormal vectors', () => {
    const m = [
      [4, 1, 0.5],
      [1, 3, 0.2],
      [0.5, 0.2, 1],
    ];
    const { values, vectors } = symmetricEigen3(m);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let rebuilt = 0;
        for (let k = 0; k < 3; k++) rebuilt += vectors[k][i] * values[k] * vectors[k][j];
        expect(rebuilt).toBeCloseTo(m[i][j], 10);
        const dot =
          vectors[i][0] * vectors[j][0] + vectors[i][1] * vectors[j][1] + vectors[i][2] * vectors[j][2];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('finds grey (1,1,1)/√3 as the main axis of images that vary only in brightness', () => {
    const count = 20;
    const images = new Uint8Array(count * 3072);
    for (let i = 0; i < count; i++) images.fill(10 + i * 12, i * 3072, (i + 1) * 3072);
    const pca = colorPca(
      { count, images, labels: new Uint8Array(count) },
      Array.from({ length: count }, (_, i) => i),
    );
    const v = pca.vectors[0];
    for (const c of v) expect(Math.abs(c)).toBeCloseTo(1 / Math.sqrt(3), 6);
    expect(pca.values[1]).toBeLessThan(1e-9);
  });
});
