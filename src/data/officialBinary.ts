// The official CIFAR-10 binary release (cifar-10-binary.tar.gz): data_batch_1.bin … data_batch_5.bin
// and test_batch.bin, each a run of 3,073-byte records: 1 label byte (0…9), then 3,072 pixel bytes,
// channel-planar (the 32×32 red plane row-major, then green, then blue). This file checks such
// files and turns them into our NHWC layout, with errors a user can act on.

import type { ImageSet } from '../shared/dataset';
import { IMAGE_BYTES, NUM_CLASSES } from '../shared/types';
import { problem, type Problem } from '../shared/problem';
import { DataError, formatCount } from './errors';

export const RECORD_BYTES = 1 + IMAGE_BYTES;
export const RECORDS_PER_BATCH = 10_000;
/** 30,730,000: the size of every official batch file; nothing larger is read. */
export const MAX_BATCH_BYTES = RECORD_BYTES * RECORDS_PER_BATCH;
const CIFAR100_RECORD_BYTES = 2 + IMAGE_BYTES;

export type BatchId = { split: 'train'; batch: number } | { split: 'test' };

/** data_batch_N.bin (N = 1…5) or test_batch.bin, in any folder; null for any other name. */
export function batchIdOf(name: string): BatchId | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^data_batch_([1-5])\.bin$/.exec(base);
  if (m) return { split: 'train', batch: Number(m[1]) };
  if (base === 'test_batch.bin') return { split: 'test' };
  return null;
}

/** The official file name of a batch. */
export function batchFileName(id: BatchId): string {
  return id.split === 'test' ? 'test_batch.bin' : `data_batch_${id.batch}.bin`;
}

/** What a file really is, from its first bytes, as a phrase (problem.format.*); null if nothing known. */
export function sniffFormat(bytes: Uint8Array): Problem | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const kind = (): string | null => {
    if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
    if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
    if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
    if (starts(0x1f, 0x8b)) return 'gzip';
    if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
    if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
    if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
    if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
    if (starts(0x80) && bytes[1] >= 2 && bytes[1] <= 5) return 'pickle';
    if (bytes.length >= 262 && text(bytes, 257, 262) === 'ustar') return 'tar';
    return null;
  };
  const k = kind();
  return k ? problem(`format.${k}`) : null;
}

function text(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Checks that need only the size; call before reading a file's bytes. */
export function checkBatchSize(name: string, size: number): void {
  if (size === 0) throw new DataError(problem('data.batch.empty', { name }));
  if (size > MAX_BATCH_BYTES) {
    throw new DataError(
      problem('data.batch.tooLarge', {
        name,
        size: formatCount(size),
        max: formatCount(MAX_BATCH_BYTES),
        images: formatCount(RECORDS_PER_BATCH),
      }),
    );
  }
}

/**
 * Checks a batch file's bytes (format, size, labels) and converts it. Does not look at the name:
 * see batchIdOf. `name` is only used in messages.
 */
export function parseBatch(name: string, bytes: Uint8Array): ImageSet {
  checkBatchSize(name, bytes.length);
  const what = sniffFormat(bytes);
  if (what) throw new DataError(problem('data.batch.otherFormat', { name, what }));
  // The CIFAR-100 hint is a phrase of its own, or nothing.
  const hint = bytes.length % CIFAR100_RECORD_BYTES === 0 ? problem('data.batch.cifar100Hint') : '';
  if (bytes.length % RECORD_BYTES !== 0) {
    throw new DataError(
      problem('data.batch.notWholeRecords', { name, size: formatCount(bytes.length), hint }),
    );
  }
  const count = bytes.length / RECORD_BYTES;
  for (let i = 0; i < count; i++) {
    const label = bytes[i * RECORD_BYTES];
    if (label >= NUM_CLASSES) {
      throw new DataError(problem('data.batch.badLabel', { name, record: formatCount(i + 1), label, hint }));
    }
  }
  return planarToNhwc(bytes, count);
}

/** Official records (label + R, G, B planes) → labels and NHWC RGB images. No checks. */
export function planarToNhwc(bytes: Uint8Array, count: number): ImageSet {
  const images = new Uint8Array(count * IMAGE_BYTES);
  const labels = new Uint8Array(count);
  const plane = IMAGE_BYTES / 3;
  for (let i = 0; i < count; i++) {
    const src = i * RECORD_BYTES;
    labels[i] = bytes[src];
    const r = src + 1;
    const g = r + plane;
    const b = g + plane;
    let d = i * IMAGE_BYTES;
    for (let p = 0; p < plane; p++) {
      images[d++] = bytes[r + p];
      images[d++] = bytes[g + p];
      images[d++] = bytes[b + p];
    }
  }
  return { count, images, labels };
}

/** The problem of a file whose contents look right but whose name does not say which batch it is. */
export function badName(name: string): Problem {
  return problem('data.batch.badName', { name });
}
