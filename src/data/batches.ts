// Turns bytes of the in-memory dataset into normalised input tensors, one mini-batch at a time.

import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../shared/dataset';
import { IMAGE_BYTES, IMAGE_SIZE } from '../shared/types';

/** Per-channel mean and standard deviation of pixel values scaled to 0…1 (R, G, B). */
export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
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
 * Returns x: [size, 32, 32, 3] float32 normalised per channel, y: [size] int32 labels.
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
    const mean = tf.tensor1d(stats.mean.map((m) => m * 255));
    const scale = tf.tensor1d(stats.std.map((s) => 1 / (s * 255)));
    return { x: raw.sub(mean).mul(scale) as tf.Tensor4D, y: tf.tensor1d(labels, 'int32') };
  });
}
