// The official CIFAR-10 binary release (cifar-10-binary.tar.gz): data_batch_1.bin … data_batch_5.bin
// and test_batch.bin, each a run of 3,073-byte records: 1 label byte (0…9), then 3,072 pixel bytes,
// channel-planar (the 32×32 red plane row-major, then green, then blue). This file checks such
// files and turns them into our NHWC layout, with errors a user can act on.

import type { ImageSet } from '../shared/dataset';
import { IMAGE_BYTES, NUM_CLASSES } from '../shared/types';
import { DataError, formatCount } from './errors';

export const RECORD_BYTES = 1 + IMAGE_BYTES;
export const RECORDS_PER_BATCH = 10_000;
/** 30,730,000: the size of every official batch file; nothing larger is read. */
export const MAX_BATCH_BYTES = RECORD_BYTES * RECORDS_PER_BATCH;
const CIFAR100_RECORD_BYTES = 2 + IMAGE_BYTES;

export type BatchId = { split: 'train'; batch: number } | { split: 'test' };

const NAMING =
  'name the training batches data_batch_1.bin … data_batch_5.bin and the test batch test_batch.bin, as in the official release';

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

/** What a file really is, from its first bytes, in words; null if nothing known. */
export function sniffFormat(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'a zip archive';
  if (starts(0x1f, 0x8b)) return 'a gzip archive (for example a .tar.gz)';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x42, 0x5a, 0x68)) return 'a bzip2 archive';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'an xz archive';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x80) && bytes[1] >= 2 && bytes[1] <= 5)
    return 'a Python pickle (the CIFAR-10 "python version")';
  if (bytes.length >= 262 && text(bytes, 257, 262) === 'ustar') return 'a tar archive';
  return null;
}

function text(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** Checks that need only the size; call before reading a file's bytes. */
export function checkBatchSize(name: string, size: number): void {
  if (size === 0) throw new DataError(`${name} is empty (0 bytes): it holds no CIFAR-10 images.`);
  if (size > MAX_BATCH_BYTES) {
    throw new DataError(
      `${name} is ${formatCount(size)} bytes, larger than any CIFAR-10 batch file (${formatCount(MAX_BATCH_BYTES)} bytes = ` +
        `${formatCount(RECORDS_PER_BATCH)} images) — it is not a CIFAR-10 binary batch. If it is an archive, load it as cifar-10-binary.tar.gz.`,
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
  if (what) {
    throw new DataError(
      `${name} is ${what}, not a CIFAR-10 binary batch. Load the files of the official binary release ` +
        `(cifar-10-binary.tar.gz, or the data_batch_N.bin / test_batch.bin files inside it).`,
    );
  }
  const fitsCifar100 = bytes.length % CIFAR100_RECORD_BYTES === 0;
  const cifar100Hint = fitsCifar100
    ? ` Its size fits 3,074-byte records, as in the CIFAR-100 binary release (2 label bytes per image); this app needs CIFAR-10.`
    : '';
  if (bytes.length % RECORD_BYTES !== 0) {
    throw new DataError(
      `${name} is ${formatCount(bytes.length)} bytes, which is not a whole number of CIFAR-10 records ` +
        `(3,073 bytes each) — it may be truncated or not a CIFAR-10 binary file.${cifar100Hint}`,
    );
  }
  const count = bytes.length / RECORD_BYTES;
  for (let i = 0; i < count; i++) {
    const label = bytes[i * RECORD_BYTES];
    if (label >= NUM_CLASSES) {
      throw new DataError(
        `${name} is not CIFAR-10: record ${formatCount(i + 1)} has label ${label}; CIFAR-10 labels are 0–9.${cifar100Hint}`,
      );
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

/** The message for a file whose contents look right but whose name does not say which batch it is. */
export function badNameMessage(name: string): string {
  return `${name}: the app cannot tell which batch this is from its name — ${NAMING}.`;
}
