// The Worker's work for the inspect views: decode a user's image, run one forward pass that keeps
// every layer's output, draw conv1's kernels, and predict the test set. Each function reads its
// tensors back and disposes all of them before it returns.

import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../shared/dataset';
import type { LayerMaps, TestInsight } from '../shared/inspect';
import type { LayerKind } from '../shared/types';
import { IMAGE_BYTES, NUM_CLASSES } from '../shared/types';
import type { LayerActivation, TrainableModel } from '../model/build';
import { centerSquare, checkDimensions, checkFileSize, cropResizeRgb } from '../data/preprocess';
import { readImageHeader } from '../data/imageHeader';
import { makeBatch, type ChannelStats } from '../data/batches';
import { confusion, softmax, topK } from '../train/predict';
import { undecodableProblem } from '../data/undecodable';
import { problem, ProblemError } from '../shared/problem';

/** Layer kinds the feature-map view shows (activations, dropout and flatten add nothing to see). */
const SHOWN: ReadonlySet<LayerKind> = new Set<LayerKind>(['conv', 'lrn', 'maxpool', 'dense']);
/** The browser shrinks a big photo to at most this side before our exact area averaging. */
const PRE_SHRINK = 256;

/**
 * A user's image file → 32×32×3 RGB bytes (centre square, area-averaged). Throws a ProblemError
 * for empty, oversized, unreadable or non-image files.
 */
export async function decodeImage(file: Blob): Promise<Uint8Array> {
  const sizeError = checkFileSize(file.size);
  if (sizeError) throw new ProblemError(sizeError);
  // Refuse a huge picture from its header, before the browser decodes gigabytes of pixels. EXIF
  // blocks can push a JPEG's frame header back, so the first 256 KB are read.
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const header = readImageHeader(head);
  const headerError = header && checkDimensions(header.width, header.height);
  if (headerError) throw new ProblemError(headerError);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ProblemError(undecodableProblem(head, header?.format ?? null));
  }
  try {
    const dimError = checkDimensions(bitmap.width, bitmap.height);
    if (dimError) throw new ProblemError(dimError);
    // The browser's resampler does the bulk of shrinking a 24-megapixel photo (so we never copy
    // 96 MB of RGBA); cropResizeRgb then averages the last step exactly.
    const sq = centerSquare(bitmap.width, bitmap.height);
    const side = Math.min(sq.size, PRE_SHRINK);
    const canvas = new OffscreenCanvas(side, side);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ProblemError(problem('image.noCanvas'));
    // CIFAR images have no transparency: transparent pixels become white, not black.
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, sq.x, sq.y, sq.size, sq.size, 0, 0, side, side);
    return cropResizeRgb(ctx.getImageData(0, 0, side, side).data, side, side, 32);
  } finally {
    bitmap.close();
  }
}

/** Normalised floats back to RGB bytes, the inverse of makeBatch's per-channel scaling. */
function toBytes(values: Float32Array, stats: ChannelStats): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const c = i % 3;
    out[i] = Math.max(0, Math.min(255, Math.round((values[i] * stats.std[c] + stats.mean[c]) * 255)));
  }
  return out;
}

/** 32×32 RGB bytes [32·32·3] → size×size RGB bytes, bilinear like the network's own upscale. */
async function upscaleBytes(rgb: Uint8Array, size: number): Promise<Uint8Array> {
  const t = tf.tidy(() =>
    tf.image
      .resizeBilinear(tf.tensor3d(Float32Array.from(rgb), [32, 32, 3]), [size, size])
      .clipByValue(0, 255)
      .round(),
  );
  try {
    return Uint8Array.from((await t.data()) as Float32Array);
  } finally {
    t.dispose();
  }
}

export interface ForwardResult {
  probs: number[];
  top5: { cls: number; p: number }[];
  layers: LayerMaps[];
  upscaled: { size: number; pixels: Uint8Array } | null;
}

/** One forward pass on one 32×32 image, keeping the output of every shown layer. */
export async function forwardOne(
  model: TrainableModel,
  rgb: Uint8Array,
  stats: ChannelStats,
): Promise<ForwardResult> {
  const one: ImageSet = { count: 1, images: rgb, labels: new Uint8Array(1) };
  // x: [1, 32, 32, 3]; logits: [1, 10]; activations: [1, H, W, C] or [1, units]. The tidy frees
  // the ops' intermediates (padding, LRN sums…) and keeps only what it returns.
  let layers: { name: string; kind: LayerKind }[] = [];
  const [logits, ...tensors] = tf.tidy(() => {
    const { x } = makeBatch(one, [0], 0, 1, stats);
    const r = model.forwardWithActivations(x);
    layers = r.activations.map((a) => ({ name: a.name, kind: a.kind }));
    return [r.logits, ...r.activations.map((a) => a.tensor)];
  });
  const activations: LayerActivation[] = layers.map((l, i) => ({ ...l, tensor: tensors[i] }));
  try {
    const shown = activations.filter((a) => SHOWN.has(a.kind));
    const resized = activations.find((a) => a.kind === 'resize');
    const [logitValues, upscaledValues, ...maps] = await Promise.all([
      logits.data() as Promise<Float32Array>,
      resized ? (resized.tensor.data() as Promise<Float32Array>) : Promise.resolve(null),
      ...shown.map((a) => a.tensor.data() as Promise<Float32Array>),
    ]);
    const probs = softmax(logitValues);
    return {
      probs,
      top5: topK(probs, 5),
      layers: shown.map((a, i) => ({
        name: a.name,
        kind: a.kind,
        shape: a.tensor.shape.slice(1),
        values: maps[i],
      })),
      upscaled:
        resized && upscaledValues
          ? {
              size: resized.tensor.shape[1]!,
              // A mean image or ZCA cannot be undone per channel: the photo itself is upscaled.
              pixels: stats.pixelMean
                ? await upscaleBytes(rgb, resized.tensor.shape[1]!)
                : toBytes(upscaledValues, stats),
            }
          : null,
    };
  } finally {
    // A dropout entry at inference returns its input: disposing a tensor twice is harmless.
    tf.dispose([logits, ...activations.map((a) => a.tensor)]);
  }
}

/** The first conv layer's kernels [k, k, 3, F] as F RGB tiles of k×k, each scaled to 0…255 alone. */
export async function firstLayerTiles(
  model: TrainableModel,
): Promise<{ layer: string; kernel: number; count: number; pixels: Uint8Array }> {
  const param = model.params.find((p) => p.role === 'kernel' && p.variable.rank === 4);
  if (!param) throw new ProblemError(problem('inspect.noConv'));
  const [k, , cIn, count] = param.variable.shape;
  const w = (await param.variable.data()) as Float32Array;
  const pixels = new Uint8Array(count * k * k * 3);
  for (let f = 0; f < count; f++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < k * k * cIn; i++) {
      const v = w[i * count + f];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const scale = hi > lo ? 255 / (hi - lo) : 0;
    for (let i = 0; i < k * k * 3; i++) {
      // Kernel layout: ((y·k + x)·cIn + c)·count + f; a tile is (y·k + x)·3 + c.
      const v = cIn === 3 ? w[i * count + f] : lo;
      pixels[f * k * k * 3 + i] = Math.round((v - lo) * scale);
    }
  }
  return { layer: param.layer, kernel: k, count, pixels };
}

/** Predictions on the test images at `indices`, in chunks (with progress between them). */
export async function predictTestSet(
  model: TrainableModel,
  set: ImageSet,
  indices: Uint32Array,
  stats: ChannelStats,
  chunk: number,
): Promise<Omit<TestInsight, 'id' | 'model'>> {
  const n = indices.length;
  const probs = new Float32Array(n * NUM_CLASSES);
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const p = tf.tidy(() => {
      const { x } = makeBatch(set, indices, start, size, stats);
      return tf.softmax(model.forward(x, { training: false }));
    });
    probs.set((await p.data()) as Float32Array, start * NUM_CLASSES);
    p.dispose();
  }
  const labels = new Uint8Array(n);
  const preds = new Uint8Array(n);
  const pixels = new Uint8Array(n * IMAGE_BYTES);
  for (let i = 0; i < n; i++) {
    labels[i] = set.labels[indices[i]];
    preds[i] = topK(probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES), 1)[0].cls;
    pixels.set(
      set.images.subarray(indices[i] * IMAGE_BYTES, (indices[i] + 1) * IMAGE_BYTES),
      i * IMAGE_BYTES,
    );
  }
  const { counts, perClassAcc } = confusion(labels, preds, NUM_CLASSES);
  return { indices, labels, preds, probs, pixels, counts, perClassAcc };
}
