// The seed's preprocessing proposal: per-pixel mean subtraction and ZCA whitening, fitted on the
// training images only and applied by makeBatch (batches.ts) to every batch, train and test alike.
// Pure JS for the fit (no TF.js); the batches apply it with TF.js ops.

import type { ImageSet } from '../shared/dataset';
import type { Preprocess } from '../shared/types';
import { IMAGE_BYTES, IMAGE_SIZE } from '../shared/types';
import { channelStats, type ChannelStats } from './batches';

/** ZCA works on non-overlapping PATCH×PATCH×3 patches: 16 of them per 32×32 image. */
export const PATCH = 8;
/** Length of one patch vector, ordered (row in patch, column in patch, channel): 8·8·3 = 192. */
export const PATCH_DIM = PATCH * PATCH * 3;
/** Images the ZCA covariance is estimated from (16 patches each): enough for a 192×192 covariance. */
export const ZCA_IMAGES = 1000;
/**
 * ε added to every eigenvalue, as a fraction of their mean: without it the smallest components
 * (mostly JPEG noise) would be scaled up a hundredfold and more.
 */
export const ZCA_EPSILON = 0.01;

/** Mean image of 0…1 pixels over the images at `indices`: [32·32·3], HWC like ImageSet (float64 sums). */
export function pixelMean(set: ImageSet, indices: ArrayLike<number>): number[] {
  const sum = new Float64Array(IMAGE_BYTES);
  for (let n = 0; n < indices.length; n++) {
    const base = indices[n] * IMAGE_BYTES;
    for (let i = 0; i < IMAGE_BYTES; i++) sum[i] += set.images[base + i];
  }
  const count = Math.max(1, indices.length) * 255;
  return Array.from(sum, (s) => s / count);
}

/**
 * The patch vector of image `idx`'s patch (py, px) with the mean image subtracted, in 0…1 units,
 * written into `out` [192]. Order (iy, ix, c), the order makeBatch's reshapes produce.
 */
function patchVector(set: ImageSet, idx: number, py: number, px: number, mean: number[], out: Float64Array) {
  let k = 0;
  for (let iy = 0; iy < PATCH; iy++)
    for (let ix = 0; ix < PATCH; ix++) {
      const p = ((py * PATCH + iy) * IMAGE_SIZE + px * PATCH + ix) * 3;
      for (let c = 0; c < 3; c++, k++) out[k] = set.images[idx * IMAGE_BYTES + p + c] / 255 - mean[p + c];
    }
}

/**
 * Eigen-decomposition of a symmetric n×n matrix (row-major) by cyclic Jacobi rotations.
 * Returns the eigenvalues and the eigenvectors as the columns of `vectors` (row-major n×n):
 * A = V diag(values) Vᵀ. Converges quadratically; n = 192 takes a fraction of a second.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): { values: number[]; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += m[i * n + i] * m[i * n + i];
      for (let j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        // The rotation angle that zeroes m[p][q] (Numerical Recipes' stable form).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          // Columns p and q of m (m ← m·J) …
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          // … then rows p and q (m ← Jᵀ·m), and the eigenvector columns (v ← v·J).
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Array.from({ length: n }, (_, i) => m[i * n + i]), vectors: v };
}

/**
 * The ZCA matrix W = U diag(1/√(λ + ε)) Uᵀ [192, 192] (row-major, symmetric) of the mean-subtracted
 * 8×8×3 patches of the images at `indices`, one covariance shared by all 16 patch positions.
 * Per patch rather than over all 3072 dimensions: a 3072² Jacobi takes minutes in JS, and image
 * statistics hardly depend on where in the frame a patch is, so one 192² covariance serves all.
 * `epsilon` is a fraction of the mean eigenvalue.
 */
export function zcaMatrix(
  set: ImageSet,
  indices: ArrayLike<number>,
  mean: number[],
  epsilon = ZCA_EPSILON,
): number[] {
  const d = PATCH_DIM;
  const cov = new Float64Array(d * d);
  const x = new Float64Array(d);
  const per = IMAGE_SIZE / PATCH;
  let count = 0;
  for (let n = 0; n < indices.length; n++)
    for (let py = 0; py < per; py++)
      for (let px = 0; px < per; px++) {
        patchVector(set, indices[n], py, px, mean, x);
        // Upper triangle only; mirrored below.
        for (let i = 0; i < d; i++) {
          const xi = x[i];
          for (let j = i; j < d; j++) cov[i * d + j] += xi * x[j];
        }
        count++;
      }
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      cov[i * d + j] /= Math.max(1, count);
      cov[j * d + i] = cov[i * d + j];
    }
  const { values, vectors } = symmetricEigen(cov, d);
  const eps = (epsilon * values.reduce((s, l) => s + Math.max(0, l), 0)) / d;
  const scale = values.map((l) => 1 / Math.sqrt(Math.max(0, l) + eps));
  const w = new Array<number>(d * d).fill(0);
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += vectors[i * d + k] * scale[k] * vectors[j * d + k];
      w[i * d + j] = s;
      w[j * d + i] = s;
    }
  return w;
}

/** At most `n` of `indices`, evenly spread (in quick mode they are already a seeded random subset). */
function spread(indices: ArrayLike<number>, n: number): Uint32Array {
  if (indices.length <= n) return Uint32Array.from(indices);
  return Uint32Array.from({ length: n }, (_, i) => indices[Math.floor((i * indices.length) / n)]);
}

/**
 * The input statistics a run trains and tests with, from its training images only: the channel
 * statistics always, plus the mean image (pixel-mean, zca) and the ZCA matrix (zca).
 */
export function inputStats(
  set: ImageSet,
  indices: ArrayLike<number>,
  preprocess: Preprocess = 'channel',
): ChannelStats {
  const stats = channelStats(set, indices);
  if (preprocess === 'channel') return stats;
  const mean = pixelMean(set, indices);
  if (preprocess === 'pixel-mean') return { ...stats, pixelMean: mean };
  return { ...stats, pixelMean: mean, zca: zcaMatrix(set, spread(indices, ZCA_IMAGES), mean) };
}
