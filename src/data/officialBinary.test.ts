import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from './errors';
import { problem } from '../shared/problem';
import {
  batchIdOf,
  checkBatchSize,
  MAX_BATCH_BYTES,
  parseBatch,
  planarToNhwc,
  RECORD_BYTES,
} from './officialBinary';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(__dirname, '../../e2e/fixtures', name)));

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

describe('official CIFAR-10 binary batches', () => {
  it('converts channel-planar records to NHWC, pixel by pixel', () => {
    // Two records whose every byte says where it is: R = p % 251, G = 2p % 251, B = 3p % 251 (+ image).
    const bytes = new Uint8Array(2 * RECORD_BYTES);
    for (let i = 0; i < 2; i++) {
      bytes[i * RECORD_BYTES] = 7 - i;
      for (let c = 0; c < 3; c++) {
        for (let p = 0; p < 1024; p++)
          bytes[i * RECORD_BYTES + 1 + c * 1024 + p] = ((c + 1) * p + 13 * i) % 251;
      }
    }
    const set = parseBatch('data_batch_1.bin', bytes);
    expect(set.count).toBe(2);
    expect(Array.from(set.labels)).toEqual([7, 6]);
    for (let i = 0; i < 2; i++) {
      for (let y = 0; y < 32; y++) {
        for (let x = 0; x < 32; x++) {
          for (let c = 0; c < 3; c++) {
            const p = y * 32 + x;
            expect(set.images[i * 3072 + p * 3 + c]).toBe(((c + 1) * p + 13 * i) % 251);
          }
        }
      }
    }
  });

  it('reads the real-image fixture and agrees with the embedded labels', () => {
    const bytes = fixture('data_batch_1.bin');
    const set = parseBatch('data_batch_1.bin', bytes);
    expect(set.count).toBe(100);
    const labels = new Uint8Array(readFileSync(resolve(__dirname, '../../public/data/labels.bin')));
    expect(Array.from(set.labels)).toEqual(Array.from(labels.subarray(0, 100)));
    const direct = planarToNhwc(bytes, 100);
    expect(direct.images).toEqual(set.images);
    // Spot check against the planar bytes: image 57, pixel (y 3, x 29), blue.
    expect(set.images[57 * 3072 + (3 * 32 + 29) * 3 + 2]).toBe(
      bytes[57 * RECORD_BYTES + 1 + 2048 + 3 * 32 + 29],
    );
    // Real photos: not flat.
    const first = set.images.subarray(0, 3072);
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(50);
  });

  it('explains a truncated file', () => {
    const e = errorOf(() => parseBatch('truncated.bin', fixture('truncated.bin')));
    expect(e.problem).toEqual(
      problem('data.batch.notWholeRecords', { name: 'truncated.bin', size: '31,964', hint: '' }),
    );
  });

  it('rejects labels above 9 and names the record', () => {
    const e = errorOf(() => parseBatch('data_batch_4.bin', fixture('random.bin')));
    expect(e.problem).toEqual(
      problem('data.batch.badLabel', { name: 'data_batch_4.bin', record: '1', label: 200, hint: '' }),
    );
    const bytes = fixture('data_batch_1.bin').slice();
    bytes[16 * RECORD_BYTES] = 200;
    expect(errorOf(() => parseBatch('x.bin', bytes)).problem.params).toMatchObject({
      record: '17',
      label: 200,
    });
  });

  it('says what a renamed PNG really is', () => {
    const e = errorOf(() => parseBatch('png-renamed.bin', fixture('png-renamed.bin')));
    expect(e.problem).toEqual(
      problem('data.batch.otherFormat', { name: 'png-renamed.bin', what: problem('format.png') }),
    );
    const gz = fixture('cifar-10-binary.tar.gz');
    expect(errorOf(() => parseBatch('data_batch_1.bin', gz)).problem.params?.what).toEqual(
      problem('format.gzip'),
    );
  });

  it('rejects an empty file and mentions CIFAR-100 when the size fits its records', () => {
    expect(errorOf(() => parseBatch('empty.bin', fixture('empty.bin'))).problem).toEqual(
      problem('data.batch.empty', { name: 'empty.bin' }),
    );
    const e = errorOf(() => parseBatch('cifar100-like.bin', fixture('cifar100-like.bin')));
    expect(e.problem).toEqual(
      problem('data.batch.notWholeRecords', {
        name: 'cifar100-like.bin',
        size: '9,222',
        hint: problem('data.batch.cifar100Hint'),
      }),
    );
  });

  it('rejects files larger than a batch from the size alone', () => {
    expect(() => checkBatchSize('data_batch_1.bin', MAX_BATCH_BYTES)).not.toThrow();
    const e = errorOf(() => checkBatchSize('big.bin', MAX_BATCH_BYTES + 1));
    expect(e.problem).toEqual(
      problem('data.batch.tooLarge', {
        name: 'big.bin',
        size: '30,730,001',
        max: '30,730,000',
        images: '10,000',
      }),
    );
  });

  it('knows the official names', () => {
    expect(batchIdOf('data_batch_3.bin')).toEqual({ split: 'train', batch: 3 });
    expect(batchIdOf('cifar-10-batches-bin/test_batch.bin')).toEqual({ split: 'test' });
    expect(batchIdOf('data_batch_6.bin')).toBeNull();
    expect(batchIdOf('data_batch_1 (1).bin')).toBeNull();
    expect(batchIdOf('batch1.bin')).toBeNull();
  });
});
