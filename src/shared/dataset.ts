// In-memory CIFAR-10 as plain typed arrays: what the data loaders produce and the trainer reads.

import type { Problem } from './problem';

/**
 * A set of 32×32 RGB images as bytes, NHWC: image i, row y, column x, channel c (0=R, 1=G, 2=B)
 * is at `images[i * 3072 + (y * 32 + x) * 3 + c]`. `labels[i]` is the class index 0…9.
 */
export interface ImageSet {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The training images, each tagged with the official-style batch (1…5) it belongs to. */
export interface TrainSet extends ImageSet {
  /** `batchOf[i]` is 1…5. */
  batchOf: Uint8Array;
}

export interface DataSource {
  kind: 'embedded' | 'official-binary' | 'mixed';
  /** For the dataset panel: where the images came from and any caveat (the UI words it). */
  description: Problem;
}

export interface Dataset {
  source: DataSource;
  train: TrainSet;
  test: ImageSet;
}

/** What the UI is told about the dataset (small: no pixel arrays beyond the samples). */
export interface DatasetSummary {
  source: DataSource;
  trainCount: number;
  testCount: number;
  /** Images per class in the training set, indexed by class. */
  trainPerClass: number[];
  testPerClass: number[];
  /** The batch numbers present (1…5) and, for each, images per class. */
  batches: { batch: number; count: number; perClass: number[] }[];
  /** A few images per class for the sample grid; `pixels` is 32×32×3 RGB bytes. */
  samples: { label: number; split: 'train' | 'test'; index: number; pixels: Uint8Array }[];
  /** Milliseconds from the start of loading until the whole set was ready. */
  loadMs: number;
}
