// Turns bytes of the in-memory dataset into normalised input tensors, one mini-batch at a time.

import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../shared/dataset';
import { IMAGE_BYTES, IMAGE_SIZE } from '../shared/types';

/** Per-channel mean and standard deviation of pixel values scaled to 0…1 (R, G, B). */
export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
  /**
   * Per-pixel mean image of 0…1 pixels [32·32·3] (HWC), from the training images: subtracted
   * instead of the per-channel mean (preprocessing 'pixel-mean' and 'zca'; data/whiten.ts).
   */
  pixelMean?: number[];
  /** ZCA matrix [192, 192] row-major over 8×8×3 patches, applied after the mean image is subtracted ('zca'). */
  zca?: number[];
}

/** Mean and std per channel over the images at `indices` (one pass, float64 sums). */
export function channelStats(set: ImageSet, indices: ArrayLike<number>): ChannelStats {
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  const pixels = IMAGE_SIZE * IMAGE_SIZE;
  for (let n = 0; n < indices.length; n++) {
    const base = indices[n] * IMAGE_BYTES;
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < 3; c++) {
        const v = set.images[base + p * 3 + c] / 255;
        sum[c] += v;
        sq[c] += v * v;
      }
    }
  }
  const count = Math.max(1, indices.length * pixels);
  const mean = sum.map((s) => s / count) as [number, number, number];
  const std = sq.map((s, c) => Math.sqrt(Math.max(1e-8, s / count - mean[c] * mean[c]))) as [
    number,
    number,
    number,
  ];
  return { mean, std };
}

/**
 * Builds one batch from `order[start … start+size)`.
 * Returns x: [size, 32, 32, 3] float32 normalised as `stats` says (per channel; mean image
 * subtracted and divided by the channel std; or ZCA-whitened patch by patch), y: [size] int32 labels.
 */
export function makeBatch(
  set: ImageSet,
  order: ArrayLike<number>,
  start: number,
  size: number,
  stats: ChannelStats,
): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const pixels = new Float32Array(size * IMAGE_BYTES);
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const idx = order[start + i];
    labels[i] = set.labels[idx];
    pixels.set(set.images.subarray(idx * IMAGE_BYTES, (idx + 1) * IMAGE_BYTES), i * IMAGE_BYTES);
  }
  return tf.tidy(() => {
    const raw = tf.tensor4d(pixels, [size, IMAGE_SIZE, IMAGE_SIZE, 3]);
    const y = tf.tensor1d(labels, 'int32');
    if (!stats.pixelMean) {
      const mean = tf.tensor1d(stats.mean.map((m) => m * 255));
      const scale = tf.tensor1d(stats.std.map((s) => 1 / (s * 255)));
      return { x: raw.sub(mean).mul(scale) as tf.Tensor4D, y };
    }
    // [size, 32, 32, 3] in 0…1 units minus the mean image [32, 32, 3] (broadcast over the batch).
    const centred = raw.div(255).sub(tf.tensor3d(stats.pixelMean, [IMAGE_SIZE, IMAGE_SIZE, 3]));
    if (!stats.zca) return { x: centred.div(tf.tensor1d(stats.std)) as tf.Tensor4D, y };
    return { x: zcaApply(centred as tf.Tensor4D, stats.zca), y };
  });
}

/** Non-overlapping patch side and patch vector length of the ZCA matrix (see data/whiten.ts). */
const P = 8;
const PER = IMAGE_SIZE / P;

/**
 * x [n, 32, 32, 3] → each 8×8×3 patch times the symmetric ZCA matrix w [192, 192] → [n, 32, 32, 3].
 * Rank-4 reshapes only: [n·4 (image, patch row), 8 (row in patch), 4 (patch column), 24 (column
 * in patch, channel)] → transposed to [n·4, 4, 8, 24] → [n·16, 192] patch vectors ordered (row,
 * column, channel), as whiten.ts fits them.
 */
export function zcaApply(x: tf.Tensor4D, w: number[]): tf.Tensor4D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const patches = x
      .reshape([n * PER, P, PER, P * 3])
      .transpose([0, 2, 1, 3])
      .reshape([n * PER * PER, P * P * 3]);
    const white = (patches as tf.Tensor2D).matMul(tf.tensor2d(w, [P * P * 3, P * P * 3]));
    return white
      .reshape([n * PER, PER, P, P * 3])
      .transpose([0, 2, 1, 3])
      .reshape([n, IMAGE_SIZE, IMAGE_SIZE, 3]) as tf.Tensor4D;
  });
}
