// Picking image indices: the training images of some batches.

import type { TrainSet } from '../shared/dataset';

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
