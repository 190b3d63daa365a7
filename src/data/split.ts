// How the embedded CIFAR-10 is split into five training batches of 10,000, as in the official
// release. The JPEG archive it is built from is grouped by class (train/<class>/0000…4999.jpg),
// so the split is made here, seeded and stratified; the build (scripts/build-cifar.mjs) uses this
// code, and split.test.ts checks the committed labels file against it.
//
// With rng = createRng(seed), in this order:
//  1. for each class 0…9: shuffle that class's ids 0…4999; ids [1000·(b−1), 1000·b) go to batch b;
//  2. for each batch 1…5: list its images class by class, then shuffle the 10,000;
//  3. test: list the 10,000 test images class by class (ids 0…999), then shuffle.
// So every batch holds exactly 1,000 images of every class, in a fixed random order.

import { NUM_CLASSES } from '../shared/types';
import { createRng, shuffleInPlace } from './random';

export const SPLIT_SEED = 2009;
export const TRAIN_PER_CLASS = 5000;
export const TEST_PER_CLASS = 1000;
export const TRAIN_BATCHES = 5;

/** One part of the split: image k is the archive's `<class label[k]>/<id[k]>.jpg`. */
export interface SplitPart {
  labels: Uint8Array;
  ids: Uint16Array;
}

function unpack(items: Uint32Array): SplitPart {
  const labels = new Uint8Array(items.length);
  const ids = new Uint16Array(items.length);
  for (let k = 0; k < items.length; k++) {
    labels[k] = Math.floor(items[k] / 10000);
    ids[k] = items[k] % 10000;
  }
  return { labels, ids };
}

/** The five training batches (index 0 = data_batch_1) and the test set, in storage order. */
export function makeSplit(seed: number = SPLIT_SEED): { batches: SplitPart[]; test: SplitPart } {
  const rng = createRng(seed);
  const perBatch = TRAIN_PER_CLASS / TRAIN_BATCHES;
  const classIds: Uint32Array[] = [];
  for (let c = 0; c < NUM_CLASSES; c++) {
    const ids = new Uint32Array(TRAIN_PER_CLASS);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    classIds.push(shuffleInPlace(ids, rng));
  }
  const batches: SplitPart[] = [];
  for (let b = 0; b < TRAIN_BATCHES; b++) {
    const items = new Uint32Array(perBatch * NUM_CLASSES);
    let k = 0;
    for (let c = 0; c < NUM_CLASSES; c++) {
      for (let j = 0; j < perBatch; j++) items[k++] = c * 10000 + classIds[c][b * perBatch + j];
    }
    batches.push(unpack(shuffleInPlace(items, rng)));
  }
  const testItems = new Uint32Array(TEST_PER_CLASS * NUM_CLASSES);
  let k = 0;
  for (let c = 0; c < NUM_CLASSES; c++) {
    for (let j = 0; j < TEST_PER_CLASS; j++) testItems[k++] = c * 10000 + j;
  }
  return { batches, test: unpack(shuffleInPlace(testItems, rng)) };
}
