// Save and load a model in TensorFlow.js's artifact format: a model.json whose `weightsManifest`
// describes one binary file of float32 weights, written with tf.io's own weight encoding. Our
// model is not a tf.LayersModel (plain ops, custom LRN), so `modelTopology` holds our layer spec
// and `metadata` what is needed to use the weights again: the toggles, the seed, the per-channel
// normalisation and where the training data came from.
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../shared/types';
import { createModel, type TrainableModel } from './build';
import { buildSpec } from './spec';
import { problem, ProblemError, type Problem } from '../shared/problem';

export const FORMAT = 'alexnet-lab';
export const WEIGHTS_FILE = 'alexnet-lab.weights.bin';

/** Everything besides the weights that a saved model carries. */
export interface SavedMeta {
  config: ModelConfig;
  seed: number;
  /** Per-channel mean and std of 0…1 pixels the network was trained with (R, G, B). */
  stats: { mean: [number, number, number]; std: [number, number, number] };
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
  const named = model.params.map((p) => ({
    name: fileName(p.layer, p.role),
    tensor: p.variable as tf.Tensor,
  }));
  const { data, specs } = await tf.io.encodeWeights(named);
  const json: ModelJson = {
    format: FORMAT,
    generatedBy: `AlexNet Lab, TensorFlow.js ${tf.version_core}`,
    modelTopology: { layers: model.spec.layers },
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
    typeof o.grouped === 'boolean'
  );
}

function isStats(s: unknown): s is SavedMeta['stats'] {
  const o = s as { mean?: unknown; std?: unknown } | null;
  const triple = (v: unknown) => Array.isArray(v) && v.length === 3 && v.every((x) => Number.isFinite(x));
  return !!o && triple(o.mean) && triple(o.std) && (o.std as number[]).every((x) => x > 0);
}

/**
 * Checks model.json and the weights against the architecture its metadata names and builds the
 * model. Throws an Error with a plain-words message for anything that does not fit; nothing is
 * created then.
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
  if (!meta || !isConfig(meta.config) || !isStats(meta.stats) || !Number.isFinite(meta.seed))
    throw new ProblemError(problem('model.noConfig'));
  const specs = parsed.weightsManifest.flatMap((g) => g.weights ?? []);
  const expectedBytes = specs.reduce((s, w) => s + 4 * (w.shape ?? []).reduce((a, b) => a * b, 1), 0);
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
    const decoded = tf.io.decodeWeights(weights, specs);
    for (const p of model.params) p.variable.assign(decoded[fileName(p.layer, p.role)]);
    tf.dispose(Object.values(decoded));
  } catch (err) {
    model.dispose();
    throw err;
  }
  return { model, meta };
}
