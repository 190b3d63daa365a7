// What the UI is told about a dataset: counts per class and per batch, and a few sample images.

import type { Dataset, DatasetSummary, ImageSet } from '../shared/dataset';
import { IMAGE_BYTES, NUM_CLASSES } from '../shared/types';

/** Sample images per class in the summary's grid. */
export const SAMPLES_PER_CLASS = 8;

function perClass(set: ImageSet): number[] {
  const counts = new Array<number>(NUM_CLASSES).fill(0);
  for (let i = 0; i < set.count; i++) counts[set.labels[i]]++;
  return counts;
}

export function summarize(dataset: Dataset, loadMs: number): DatasetSummary {
  const { train, test } = dataset;
  const byBatch = new Map<number, number[]>();
  for (let i = 0; i < train.count; i++) {
    const b = train.batchOf[i];
    let counts = byBatch.get(b);
    if (!counts) byBatch.set(b, (counts = new Array<number>(NUM_CLASSES).fill(0)));
    counts[train.labels[i]]++;
  }
  const batches = [...byBatch.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([batch, counts]) => ({ batch, count: counts.reduce((s, c) => s + c, 0), perClass: counts }));

  // The first few training images of each class, in storage order (the first batch, usually).
  const samples: DatasetSummary['samples'] = [];
  const taken = new Array<number>(NUM_CLASSES).fill(0);
  for (let i = 0; i < train.count && samples.length < SAMPLES_PER_CLASS * NUM_CLASSES; i++) {
    const label = train.labels[i];
    if (taken[label] >= SAMPLES_PER_CLASS) continue;
    taken[label]++;
    samples.push({
      label,
      split: 'train',
      index: i,
      pixels: train.images.slice(i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES),
    });
  }
  samples.sort((a, b) => a.label - b.label || a.index - b.index);

  return {
    source: { ...dataset.source },
    trainCount: train.count,
    testCount: test.count,
    trainPerClass: perClass(train),
    testPerClass: perClass(test),
    batches,
    samples,
    loadMs,
  };
}
