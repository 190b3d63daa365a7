// What cli/twinRecipe.py needs to train a headless run's settings independently in PyTorch
// (issue #16, mid-scale): the layer spec, the app's initial weights for the seed, the run's own
// training subset and test images (uint8 NHWC, as the app holds them), the normalisation and the
// settings. `npm run train -- … --twin-case DIR` writes it before training.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModel, type TrainableModel } from '../src/model/build';
import { planData } from '../src/data/dataPlan';
import { inputStats } from '../src/data/whiten';
import { fullSettings } from '../src/shared/settingsRecipe';
import type { ModelSpec } from '../src/shared/types';
import type { Dataset, ImageSet } from '../src/shared/dataset';
import type { RunSettings } from '../src/shared/types';

const IMAGE_BYTES = 32 * 32 * 3;

/** The images and labels at `indices`, in that order. Pure. */
export function gather(
  set: ImageSet,
  indices: ArrayLike<number>,
): { images: Uint8Array; labels: Uint8Array } {
  const images = new Uint8Array(indices.length * IMAGE_BYTES);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const idx = indices[i];
    images.set(set.images.subarray(idx * IMAGE_BYTES, (idx + 1) * IMAGE_BYTES), i * IMAGE_BYTES);
    labels[i] = set.labels[idx];
  }
  return { images, labels };
}

export interface WeightEntry {
  layer: string;
  role: string;
  shape: number[];
  offset: number;
  length: number;
}

/** The model's weights, in model.variables order, as one float32 file; returns where each is. */
export function writeWeights(file: string, model: TrainableModel): WeightEntry[] {
  let offset = 0;
  const entries = model.params.map((p) => {
    const entry = { layer: p.layer, role: p.role, shape: p.variable.shape, offset, length: p.variable.size };
    offset += p.variable.size;
    return entry;
  });
  const weights = new Float32Array(offset);
  model.params.forEach((p, i) => weights.set(p.variable.dataSync() as Float32Array, entries[i].offset));
  writeFileSync(file, weights);
  return entries;
}

export function writeTwinCase(dir: string, spec: ModelSpec, settings: RunSettings, dataset: Dataset): void {
  const all = fullSettings(settings);
  if (all.data.preprocess !== 'channel') throw new Error('--twin-case: only --preprocess channel');
  if (all.augment.pcaColor) throw new Error('--twin-case: colour PCA is not in the twin');
  mkdirSync(dir, { recursive: true });
  const plan = planData(dataset, settings.data, settings.seed);
  const stats = inputStats(dataset.train, plan.train, 'channel');
  const model = createModel(spec, settings.seed);
  let variables: { layer: string; role: string; shape: number[]; offset: number; length: number }[];
  try {
    let offset = 0;
    variables = model.params.map((p) => {
      const entry = {
        layer: p.layer,
        role: p.role,
        shape: p.variable.shape,
        offset,
        length: p.variable.size,
      };
      offset += p.variable.size;
      return entry;
    });
    const weights = new Float32Array(offset);
    model.params.forEach((p, i) => weights.set(p.variable.dataSync() as Float32Array, variables[i].offset));
    writeFileSync(join(dir, 'weights.bin'), weights);
  } finally {
    model.dispose();
  }
  const train = gather(dataset.train, plan.train);
  const test = gather(dataset.test, plan.test);
  writeFileSync(join(dir, 'train-images.bin'), train.images);
  writeFileSync(join(dir, 'train-labels.bin'), train.labels);
  writeFileSync(join(dir, 'test-images.bin'), test.images);
  writeFileSync(join(dir, 'test-labels.bin'), test.labels);
  writeFileSync(
    join(dir, 'case.json'),
    JSON.stringify({
      spec,
      settings: all,
      stats: { mean: stats.mean, std: stats.std },
      variables,
      trainCount: plan.train.length,
      testCount: plan.test.length,
    }),
  );
}
