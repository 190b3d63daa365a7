// Which image indices a run trains, tests and estimates on: the ticked batches, or in quick mode
// a seeded subset of them. Deterministic for a seed, so the same settings see the same images.

import type { Dataset } from '../shared/dataset';
import type { DataSelection } from '../shared/types';
import { createRng, shuffleInPlace } from './random';
import { selectIndices } from './select';

/** Mid-epoch test estimates use this many test images: a fixed, seeded subset of the test set. */
export const ESTIMATE_SIZE = 500;

export interface DataPlan {
  train: Uint32Array;
  test: Uint32Array;
  /** A fixed subset of `test` for mid-epoch estimates. */
  estimate: Uint32Array;
}

/** `min(n, from.length)` of `from`, in a seeded random order: the same arguments, the same subset. */
export function seededSubset(from: ArrayLike<number>, n: number, seed: number): Uint32Array {
  const all = Uint32Array.from(from);
  shuffleInPlace(all, createRng(seed));
  return all.slice(0, Math.min(n, all.length));
}

export function planData(dataset: Dataset, selection: DataSelection, seed: number): DataPlan {
  const selected = selectIndices(dataset.train, selection.batches);
  const allTest = Uint32Array.from({ length: dataset.test.count }, (_, i) => i);
  const train = selection.quick ? seededSubset(selected, selection.quickTrain, seed + 1) : selected;
  const test = selection.quick ? seededSubset(allTest, selection.quickTest, seed + 2) : allTest;
  const estimate = seededSubset(test, ESTIMATE_SIZE, seed + 3);
  return { train, test, estimate };
}
