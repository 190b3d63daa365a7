// Save and load a model in TensorFlow.js's artifact format: a model.json whose `weightsManifest`
// describes one binary file of float32 weights, written with tf.io's own weight encoding. Our
// model is not a tf.LayersModel (plain ops, custom LRN), so `modelTopology` holds our layer spec
// and `metadata` what is needed to use the weights again: the toggles, the seed, the per-channel
// normalisation and where the training data came from.
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../shared/types';
import { createModel, type TrainableModel } from './build';
import { buildSpec } from './spec';
import { isProblem, problem, ProblemError, type Problem } from '../shared/problem';
import { MAX_SEED, WIDTHS } from '../shared/settings';
import { isNonFiniteFloat16, toFloat16 } from './float16';

export const FORMAT = 'alexnet-lab';
export const WEIGHTS_FILE = 'alexnet-lab.weights.bin';

/** Everything besides the weights that a saved model carries. */
export interface SavedMeta {
  config: ModelConfig;
  seed: number;
  /** Per-channel mean and std of 0…1 pixels the network was trained with (R, G, B). */
  stats: {
    mean: [number, number, number];
    std: [number, number, number];
    /** The mean image [32·32·3] of 0…1 pixels, for 'pixel-mean' and 'zca' preprocessing. */
    pixelMean?: number[];
    /** The ZCA matrix [192, 192] row-major, for 'zca' preprocessing. */
    zca?: number[];
  };
  /** False for a model saved before any training step (random weights). */
  trained: boolean;
  /** Epochs completed when saved. */
  epochs: number;
  /** Where the training images came from: the dataset's description (plain words in older files). */
  provenance: string | Problem;
  savedAt: string;
}

interface ModelJson {
  format: string;
  generatedBy: string;
  modelTopology: { layers: unknown[] };
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  metadata: SavedMeta;
}

/** Variable names in the file: `<layer>/kernel`, `<layer>/bias` (the engine-wide prefix is dropped). */
const fileName = (layer: string, role: string) => `${layer}/${role}`;

/** model.json text and the weights file's bytes; `weightsFile` is the .bin's name in the manifest. */
export async function saveModel(
  model: TrainableModel,
  meta: SavedMeta,
  weightsFile = WEIGHTS_FILE,
): Promise<{ json: string; weights: ArrayBuffer }> {
  const values = await Promise.all(model.params.map((p) => p.variable.data() as Promise<Float32Array>));
  const named = model.params.map((p, i) => ({
    layer: p.layer,
    role: p.role,
    shape: p.variable.shape,
    values: values[i],
  }));
  return saveWeights(model.spec, named, meta, weightsFile);
}

/** float16 halves the file (the weights are rounded to 11 significant bits); TF.js reads both. */
export type WeightPrecision = 'float32' | 'float16';

/** One parameter's values as the file stores them: float32, row-major, in `shape`. */
export interface WeightValues {
  layer: string;
  role: string;
  shape: readonly number[];
  values: Float32Array;
}

/**
 * The same files from weights held apart from a model (a checkpoint's copies), in the model's
 * parameter order: TF.js's weights format, the values of each parameter one after another.
 */
export function saveWeights(
  spec: TrainableModel['spec'],
  params: WeightValues[],
  meta: SavedMeta,
  weightsFile = WEIGHTS_FILE,
  precision: WeightPrecision = 'float32',
): { json: string; weights: ArrayBuffer } {
  const all = new Float32Array(params.reduce((n, p) => n + p.values.length, 0));
  let at = 0;
  for (const p of params) {
    all.set(p.values, at);
    at += p.values.length;
  }
  let data = all.buffer as ArrayBuffer;
  let specs: tf.io.WeightsManifestEntry[] = params.map((p) => ({
    name: fileName(p.layer, p.role),
    shape: [...p.shape],
    dtype: 'float32',
  }));
  if (precision === 'float16') {
    data = toFloat16(all).buffer as ArrayBuffer;
    specs = specs.map((w) => ({ ...w, quantization: { dtype: 'float16', original_dtype: 'float32' } }));
  }
  const json: ModelJson = {
    format: FORMAT,
    generatedBy: `AlexNet Lab, TensorFlow.js ${tf.version_core}`,
    modelTopology: { layers: spec.layers },
    weightsManifest: [{ paths: [weightsFile], weights: specs }],
    metadata: meta,
  };
  return { json: JSON.stringify(json, null, 1), weights: data };
}

function isConfig(c: unknown): c is ModelConfig {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  return (
    (o.preset === 'paper' || o.preset === 'cifar') &&
    ['relu', 'tanh', 'sigmoid'].includes(o.activation as string) &&
    typeof o.lrn === 'boolean' &&
    typeof o.dropout === 'boolean' &&
    (o.pooling === 'overlapping' || o.pooling === 'non-overlapping') &&
    typeof o.grouped === 'boolean' &&
    // Absent in files saved before the width setting: ×1.
    (o.width === undefined || (WIDTHS as readonly unknown[]).includes(o.width))
  );
}

/** Channel statistics of 0…1 pixels: means in [0, 1], deviations in (0, 1]. */
function isStats(s: unknown): s is SavedMeta['stats'] {
  const o = s as { mean?: unknown; std?: unknown } | null;
  const triple = (v: unknown, lo: number, hi: number, open: boolean) =>
    Array.isArray(v) &&
    v.length === 3 &&
    v.every((x) => typeof x === 'number' && (open ? x > lo : x >= lo) && x <= hi);
  if (!o || !triple(o.mean, 0, 1, false) || !triple(o.std, 0, 1, true)) return false;
  const { pixelMean, zca } = o as { pixelMean?: unknown; zca?: unknown };
  const numbers = (v: unknown, length: number, ok: (x: number) => boolean) =>
    Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number' && ok(x));
  // A ZCA matrix whitens mean-subtracted pixels: it never comes without the mean image.
  if (pixelMean !== undefined && !numbers(pixelMean, 32 * 32 * 3, (x) => x >= 0 && x <= 1)) return false;
  if (zca !== undefined && (pixelMean === undefined || !numbers(zca, 192 * 192, Number.isFinite)))
    return false;
  return true;
}

/** More epochs than any run could have trained: the number is damaged. */
const MAX_SAVED_EPOCHS = 100_000;

const isIntIn = (v: unknown, lo: number, hi: number) =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** The first metadata field out of range, or null: a seed of 1e308 must not reach the model. */
function badMetaField(meta: Record<string, unknown>): string | null {
  if (!isIntIn(meta.seed, 0, MAX_SEED)) return 'seed';
  if (!isIntIn(meta.epochs, 0, MAX_SAVED_EPOCHS)) return 'epochs';
  if (typeof meta.trained !== 'boolean') return 'trained';
  if (typeof meta.provenance !== 'string' && !isProblem(meta.provenance)) return 'provenance';
  if (typeof meta.savedAt !== 'string') return 'savedAt';
  return null;
}

/** Half-precision storage (our own float16 files) is the one quantisation read. */
const isFloat16 = (q: unknown): boolean => {
  const o = q as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    o.dtype === 'float16' &&
    (o.original_dtype === undefined || o.original_dtype === 'float32') &&
    Object.keys(o).every((k) => k === 'dtype' || k === 'original_dtype')
  );
};

/** Bytes one value takes in the file. */
const bytesPer = (w: tf.io.WeightsManifestEntry) => (w.quantization ? 2 : 4);

/** A manifest entry we can decode: a name, float32 (or float16-stored), a shape of whole non-negative sizes. */
function isWeightEntry(w: unknown): w is tf.io.WeightsManifestEntry {
  const o = w as Record<string, unknown> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.name === 'string' &&
    Array.isArray(o.shape) &&
    o.shape.length <= 4 &&
    o.shape.every((d) => isIntIn(d, 0, 1 << 30)) &&
    (o.quantization === undefined || isFloat16(o.quantization)) &&
    o.group === undefined
  );
}

/** The manifest's entries, or a Problem for a manifest that is not a list of weight descriptions. */
function manifestEntries(manifest: unknown[]): tf.io.WeightsManifestEntry[] {
  const entries = manifest.flatMap((g) => {
    const weights = (g as { weights?: unknown } | null)?.weights;
    if (!Array.isArray(weights)) throw new ProblemError(problem('model.badManifest'));
    return weights as unknown[];
  });
  if (!entries.every(isWeightEntry)) throw new ProblemError(problem('model.badManifest'));
  if (new Set(entries.map((w) => w.name)).size !== entries.length)
    throw new ProblemError(problem('model.badManifest'));
  return entries;
}

/** The name of the first weight array holding NaN or ±Infinity (the file's order), or null. */
function nonFiniteArray(weights: ArrayBuffer, specs: tf.io.WeightsManifestEntry[]): string | null {
  let at = 0;
  for (const w of specs) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    if (w.quantization) {
      const halves = new Uint16Array(weights, at, n);
      for (let i = 0; i < n; i++) if (isNonFiniteFloat16(halves[i])) return w.name;
    } else {
      // A float32 array after an odd-length float16 one starts off a 4-byte boundary: copy it.
      const values =
        at % 4 === 0 ? new Float32Array(weights, at, n) : new Float32Array(weights.slice(at, at + 4 * n));
      for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) return w.name;
    }
    at += n * bytesPer(w);
  }
  return null;
}

/**
 * Checks model.json and the weights against the architecture its metadata names and builds the
 * model. Throws a ProblemError for anything that does not fit (a damaged manifest, metadata out
 * of range, NaN or infinite weights); nothing is created then.
 */
export function loadModel(
  jsonText: string,
  weights: ArrayBuffer,
): { model: TrainableModel; meta: SavedMeta } {
  let parsed: ModelJson;
  try {
    parsed = JSON.parse(jsonText) as ModelJson;
  } catch {
    throw new ProblemError(problem('model.notJson'));
  }
  if (parsed?.format !== FORMAT || !Array.isArray(parsed.weightsManifest))
    throw new ProblemError(problem('model.notOurs'));
  const meta = parsed.metadata;
  if (typeof meta !== 'object' || meta === null || !isConfig(meta.config))
    throw new ProblemError(problem('model.noConfig'));
  // Files from before the width setting are ×1: said explicitly, so they compare equal to the page's.
  meta.config = { ...meta.config, width: meta.config.width ?? '1' };
  if (!isStats(meta.stats)) throw new ProblemError(problem('model.badMeta', { field: 'stats' }));
  const badField = badMetaField(meta as unknown as Record<string, unknown>);
  if (badField) throw new ProblemError(problem('model.badMeta', { field: badField }));
  const specs = manifestEntries(parsed.weightsManifest);
  const expectedBytes = specs.reduce((s, w) => s + bytesPer(w) * w.shape.reduce((a, b) => a * b, 1), 0);
  if (specs.some((w) => w.dtype !== 'float32')) throw new ProblemError(problem('model.notFloat32'));
  if (weights.byteLength !== expectedBytes)
    throw new ProblemError(
      problem('model.weightsSize', { bytes: weights.byteLength, expected: expectedBytes }),
    );

  const spec = buildSpec(meta.config);
  const model = createModel(spec, meta.seed, { init: 'zeros' });
  try {
    const byName = new Map(specs.map((w) => [w.name, w]));
    if (byName.size !== model.params.length)
      throw new ProblemError(problem('model.arrayCount', { count: byName.size, need: model.params.length }));
    for (const p of model.params) {
      const w = byName.get(fileName(p.layer, p.role));
      const want = p.variable.shape.join('×');
      if (!w) throw new ProblemError(problem('model.missingArray', { name: fileName(p.layer, p.role) }));
      if (w.shape.join('×') !== want)
        throw new ProblemError(
          problem('model.shapeMismatch', { name: fileName(p.layer, p.role), shape: w.shape.join('×'), want }),
        );
    }
    const nonFinite = nonFiniteArray(weights, specs);
    if (nonFinite) throw new ProblemError(problem('model.nonFinite', { name: nonFinite }));
    const decoded = tf.io.decodeWeights(weights, specs);
    for (const p of model.params) p.variable.assign(decoded[fileName(p.layer, p.role)]);
    tf.dispose(Object.values(decoded));
  } catch (err) {
    model.dispose();
    throw err;
  }
  return { model, meta };
}
