// The shipped pretrained model read from disk and measured in Node with the app's own code: the
// loader the Worker uses (src/model/io.ts), the embedded test set as the headless trainer reads
// it (cli/nodeData.ts) and the trainer's evaluation (src/train/evaluate.ts), centre view only.
// cli/pretrainedManifest.ts writes the manifest from this; cli/pretrained.test.ts re-measures it.

import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadModel, type SavedMeta } from '../src/model/io';
import type { TrainableModel } from '../src/model/build';
import type { Dataset } from '../src/shared/dataset';
import { evaluate } from '../src/train/evaluate';
import {
  PRETRAINED_MANIFEST,
  parsePretrainedManifest,
  type PretrainedManifest,
} from '../src/model/pretrained';

/** The model at BASE.json + the .bin that BASE.json names. */
export function readModelFiles(base: string): { json: string; weights: ArrayBuffer; weightsFile: string } {
  const json = readFileSync(`${base}.json`, 'utf8');
  const paths = (JSON.parse(json) as { weightsManifest?: { paths?: string[] }[] }).weightsManifest?.[0]
    ?.paths;
  const weightsFile = paths?.[0];
  if (!weightsFile || basename(weightsFile) !== weightsFile)
    throw new Error(`${base}.json names no weights file beside it`);
  const bin = readFileSync(join(dirname(base), weightsFile));
  return { json, weights: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), weightsFile };
}

/** The manifest in `dir` and the model it names, loaded (dispose the model when done). */
export function readPretrained(dir: string): {
  manifest: PretrainedManifest;
  model: TrainableModel;
  meta: SavedMeta;
} {
  const manifest = parsePretrainedManifest(readFileSync(join(dir, PRETRAINED_MANIFEST), 'utf8'));
  const files = readModelFiles(join(dir, manifest.model.replace(/\.json$/, '')));
  if (files.weightsFile !== manifest.weights)
    throw new Error(`${manifest.model} names ${files.weightsFile}, the manifest ${manifest.weights}`);
  const { model, meta } = loadModel(files.json, files.weights);
  return { manifest, model, meta };
}

/** Top-1 accuracy (0…1) on every image of the test set, with the model's own normalisation. */
export async function testAccuracy(
  model: TrainableModel,
  meta: SavedMeta,
  dataset: Dataset,
): Promise<{ accuracy: number; count: number; correct: number }> {
  const all = Uint32Array.from({ length: dataset.test.count }, (_, i) => i);
  const r = await evaluate(model, dataset.test, all, meta.stats, 250);
  // evaluate's accuracy is a count over n: recover the count exactly for the manifest.
  const correct = Math.round(r.acc * r.count);
  return { accuracy: correct / r.count, count: r.count, correct };
}
