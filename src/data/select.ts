// Picking image indices: the training images of some batches, and seeded quick subsets.

import type { TrainSet } from '../shared/dataset';
import { createRng } from './random';

/** Indices (ascending) of the training images whose batch is in `batches` (1…5). */
export function selectIndices(train: TrainSet, batches: number[]): Uint32Array {
  const wanted = new Uint8Array(256);
  for (const b of batches) if (b >= 0 && b < 256) wanted[b] = 1;
  let n = 0;
  for (let i = 0; i < train.count; i++) n += wanted[train.batchOf[i]];
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < train.count; i++) if (wanted[train.batchOf[i]]) out[k++] = i;
  return out;
}

/**
 * `min(n, count)` distinct indices in [0, count), chosen at random with `seed` (a partial
 * Fisher–Yates shuffle), returned ascending. The same arguments always give the same subset.
 */
export function quickSubset(count: number, n: number, seed: number): Uint32Array {
  const size = Math.max(0, Math.min(Math.floor(n), count));
  const rng = createRng(seed);
  const pool = new Uint32Array(count);
  for (let i = 0; i < count; i++) pool[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rng() * (count - i));
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, size).sort();
}
