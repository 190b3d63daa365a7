import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBatch } from './batches';
import { createRng } from './random';
import { inputStats, PATCH_DIM, pixelMean, symmetricEigen, zcaMatrix } from './whiten';
import { IMAGE_BYTES } from '../shared/types';
import type { ImageSet } from '../shared/dataset';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * n images with neighbouring pixels strongly correlated (a random colour, a random horizontal and
 * vertical ramp) plus independent noise, so the 192-dim patch covariance is full rank but far
 * from diagonal, as in real photos.
 */
function correlatedImages(n: number, seed: number): ImageSet {
  const rng = createRng(seed);
  const images = new Uint8Array(n * IMAGE_BYTES);
  for (let i = 0; i < n; i++) {
    const base = [rng() * 120 + 60, rng() * 120 + 60, rng() * 120 + 60];
    const gx = (rng() - 0.5) * 3;
    const gy = (rng() - 0.5) * 3;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++)
        for (let c = 0; c < 3; c++) {
          const v = base[c] + gx * (x - 16) + gy * (y - 16) + (rng() - 0.5) * 40;
          images[i * IMAGE_BYTES + (y * 32 + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v)));
        }
  }
  return { count: n, images, labels: new Uint8Array(n) };
}

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

/** Covariance [192, 192] of the 8×8×3 patch vectors of x [n, 32, 32, 3] (mean taken out), float64. */
function patchCovariance(values: Float32Array, n: number): Float64Array {
  const d = PATCH_DIM;
  const vecs: Float64Array[] = [];
  for (let i = 0; i < n; i++)
    for (let py = 0; py < 4; py++)
      for (let px = 0; px < 4; px++) {
        const v = new Float64Array(d);
        let k = 0;
        for (let iy = 0; iy < 8; iy++)
          for (let ix = 0; ix < 8; ix++)
            for (let c = 0; c < 3; c++)
              v[k++] = values[i * IMAGE_BYTES + ((py * 8 + iy) * 32 + px * 8 + ix) * 3 + c];
        vecs.push(v);
      }
  const mean = new Float64Array(d);
  for (const v of vecs) for (let i = 0; i < d; i++) mean[i] += v[i] / vecs.length;
  const cov = new Float64Array(d * d);
  for (const v of vecs)
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) cov[i * d + j] += ((v[i] - mean[i]) * (v[j] - mean[j])) / vecs.length;
  return cov;
}

describe('symmetricEigen (Jacobi)', () => {
  it('reconstructs a random symmetric matrix from orthonormal eigenvectors', () => {
    const n = 12;
    const rng = createRng(3);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng() * 2 - 1;
    const { values, vectors: v } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let back = 0;
        let dot = 0;
        for (let k = 0; k < n; k++) {
          back += v[i * n + k] * values[k] * v[j * n + k];
          dot += v[k * n + i] * v[k * n + j];
        }
        expect(back).toBeCloseTo(a[i * n + j], 10);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });
});

describe('input preprocessing', () => {
  const set = correlatedImages(80, 7);
  const idx = all(80);

  it('per-pixel mean subtraction: every pixel of the fitted images has mean 0', () => {
    const stats = inputStats(set, idx, 'pixel-mean');
    expect(stats.pixelMean).toHaveLength(IMAGE_BYTES);
    const { x, y } = makeBatch(set, idx, 0, 80, stats);
    const perPixel = x.mean(0).abs().max().dataSync()[0];
    // The channel normalisation alone leaves each pixel's own offset (the ramps, the noise).
    const plain = makeBatch(set, idx, 0, 80, inputStats(set, idx, 'channel'));
    expect(plain.x.mean(0).abs().max().dataSync()[0]).toBeGreaterThan(0.05);
    expect(perPixel).toBeLessThan(1e-5);
    tf.dispose([x, y, plain.x, plain.y]);
  });

  it('ZCA: the whitened patches of the fitted images have an identity covariance (tiny ε)', () => {
    const stats = inputStats(set, idx, 'pixel-mean');
    const zca = zcaMatrix(set, idx, stats.pixelMean!, 1e-7);
    const { x, y } = makeBatch(set, idx, 0, 80, { ...stats, zca });
    const cov = patchCovariance(x.dataSync() as Float32Array, 80);
    const raw = patchCovariance(makeBatch(set, idx, 0, 80, stats).x.dataSync() as Float32Array, 80);
    let worst = 0;
    let rawOff = 0;
    for (let i = 0; i < PATCH_DIM; i++)
      for (let j = 0; j < PATCH_DIM; j++) {
        worst = Math.max(worst, Math.abs(cov[i * PATCH_DIM + j] - (i === j ? 1 : 0)));
        if (i !== j) rawOff = Math.max(rawOff, Math.abs(raw[i * PATCH_DIM + j]));
      }
    expect(worst).toBeLessThan(1e-3);
    // Before whitening the neighbouring pixels were strongly correlated.
    expect(rawOff).toBeGreaterThan(0.5);
    tf.dispose([x, y]);
  });

  it('ZCA with the default ε: no component is scaled up beyond variance 1, and W is symmetric', () => {
    const stats = inputStats(set, idx, 'zca');
    const w = stats.zca!;
    expect(w).toHaveLength(PATCH_DIM * PATCH_DIM);
    for (let i = 0; i < PATCH_DIM; i++) expect(w[i * PATCH_DIM + 5]).toBeCloseTo(w[5 * PATCH_DIM + i], 10);
    const { x, y } = makeBatch(set, idx, 0, 80, stats);
    const cov = patchCovariance(x.dataSync() as Float32Array, 80);
    for (let i = 0; i < PATCH_DIM; i++) expect(cov[i * PATCH_DIM + i]).toBeLessThan(1.0001);
    tf.dispose([x, y]);
  });

  it('is fitted on the given (training) images only and applied unchanged to others', () => {
    const more = correlatedImages(100, 9);
    // The first 80 images of `more` are replaced by `set`'s: the stats of those 80 must not change.
    more.images.set(set.images);
    const a = inputStats(set, idx, 'zca');
    const b = inputStats(more, idx, 'zca');
    expect(b.pixelMean).toEqual(a.pixelMean);
    expect(b.zca).toEqual(a.zca);
    // The same stats normalise an image the fit never saw (a test image): mean image, then W.
    const { x } = makeBatch(more, [95], 0, 1, a);
    const unseen = Array.from(
      more.images.subarray(95 * IMAGE_BYTES, 96 * IMAGE_BYTES),
      (v, i) => v / 255 - a.pixelMean![i],
    );
    const got = x.dataSync();
    // Patch (0, 0), first output: row 0 of W times the patch vector of the top-left 8×8 block.
    let want = 0;
    let k = 0;
    for (let iy = 0; iy < 8; iy++)
      for (let ix = 0; ix < 8; ix++)
        for (let c = 0; c < 3; c++) want += a.zca![k++] * unseen[(iy * 32 + ix) * 3 + c];
    expect(got[0]).toBeCloseTo(want, 4);
    x.dispose();
  });

  it('pixelMean is the mean of each byte position over the given images, in 0…1', () => {
    const m = pixelMean(set, [0, 1]);
    expect(m[10]).toBeCloseTo((set.images[10] + set.images[IMAGE_BYTES + 10]) / 510, 12);
  });

  it('keeps the tensor count flat over many batches', () => {
    const stats = inputStats(set, idx, 'zca');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      const { x, y } = makeBatch(set, idx, i * 8, 8, stats);
      tf.dispose([x, y]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
