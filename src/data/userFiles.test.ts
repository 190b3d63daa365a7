import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../shared/dataset';
import { DataError } from './errors';
import { problem, type Problem } from '../shared/problem';
import { loadUserFiles } from './userFiles';

const bytesOf = (name: string) => readFileSync(resolve(__dirname, '../../e2e/fixtures', name));
const file = (name: string, as = name) => new File([bytesOf(name)], as);

function fakeEmbedded(): Dataset {
  const n = 30;
  const mk = (count: number, fill: number) => ({
    count,
    images: new Uint8Array(count * 3072).fill(fill),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  });
  return {
    source: { kind: 'embedded', description: { code: 'test.built-in' } },
    train: { ...mk(n, 1), batchOf: Uint8Array.from({ length: n }, (_, i) => 1 + (i % 5)) },
    test: mk(10, 2),
  };
}

async function problemOf(p: Promise<unknown>): Promise<Problem> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).problem;
  }
  throw new Error('expected a DataError');
}

describe('loadUserFiles', () => {
  it('loads loose official batches as the whole dataset', async () => {
    const ds = await loadUserFiles(
      [file('test_batch.bin'), file('data_batch_2.bin'), file('data_batch_1.bin')],
      null,
    );
    expect(ds.source.kind).toBe('official-binary');
    expect(ds.train.count).toBe(150);
    expect(ds.test.count).toBe(100);
    // Batches in order 1, 2, each image tagged.
    expect(ds.train.batchOf[0]).toBe(1);
    expect(ds.train.batchOf[99]).toBe(1);
    expect(ds.train.batchOf[100]).toBe(2);
    expect(ds.source.description.params?.train).toEqual(
      problem('data.origin.yourBatches', {
        files: 'data_batch_1.bin, data_batch_2.bin',
        images: problem('data.origin.images', { n: '150' }),
        numbers: '1, 2',
      }),
    );
  });

  it('replaces only what was loaded and says where each part came from', async () => {
    const current = fakeEmbedded();
    const ds = await loadUserFiles([file('data_batch_2.bin')], current);
    expect(ds.source.kind).toBe('mixed');
    expect(ds.train.count).toBe(50);
    expect(Array.from(new Set(ds.train.batchOf))).toEqual([2]);
    expect(ds.test).toBe(current.test);
    expect(ds.source.description).toEqual(
      problem('data.source.mixed', {
        train: problem('data.origin.yourBatch', {
          files: 'data_batch_2.bin',
          images: problem('data.origin.images', { n: '50' }),
          numbers: '2',
        }),
        test: problem('data.origin.builtin'),
      }),
    );
    // Then the test batch too: now everything is the user's.
    const ds2 = await loadUserFiles([file('test_batch.bin')], ds);
    expect(ds2.source.kind).toBe('official-binary');
    expect(ds2.train).toBe(ds.train);
    expect(ds2.test.count).toBe(100);
  });

  it('reads cifar-10-binary.tar.gz and ignores the other files in it', async () => {
    const ds = await loadUserFiles([file('cifar-10-binary.tar.gz')], null);
    expect(ds.source.kind).toBe('official-binary');
    expect(ds.train.count).toBe(40);
    expect(Array.from(new Set(ds.train.batchOf))).toEqual([1, 3]);
    expect(ds.test.count).toBe(20);
    const loose = await loadUserFiles([file('data_batch_1.bin'), file('test_batch.bin')], null);
    expect(ds.train.images.subarray(0, 20 * 3072)).toEqual(loose.train.images.subarray(0, 20 * 3072));
    expect(ds.test.labels).toEqual(loose.test.labels.subarray(0, 20));
  });

  it('explains a damaged or non-gzip archive', async () => {
    for (const name of ['damaged.tar.gz', 'not-gzip.tar.gz']) {
      expect(await problemOf(loadUserFiles([file(name)], null))).toEqual(
        problem('data.archive.notGzip', { name }),
      );
    }
    expect(await problemOf(loadUserFiles([file('no-batches.tar.gz')], null))).toEqual(
      problem('data.archive.noBatch', {
        name: 'no-batches.tar.gz',
        holds: problem('data.archive.holds', { list: 'batches.meta.txt, readme.html' }),
      }),
    );
  });

  it('checks the size before reading the bytes', async () => {
    let read = false;
    const huge = {
      name: 'data_batch_1.bin',
      size: 40_000_000,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as File;
    expect(await problemOf(loadUserFiles([huge], null))).toMatchObject({
      code: 'data.batch.tooLarge',
      params: { size: '40,000,000' },
    });
    expect(read).toBe(false);
  });

  it('asks for official names, refuses duplicates and non-CIFAR files', async () => {
    expect(await problemOf(loadUserFiles([file('data_batch_1.bin', 'batch1.bin')], null))).toEqual(
      problem('data.batch.badName', { name: 'batch1.bin' }),
    );
    expect(
      await problemOf(
        loadUserFiles([file('data_batch_1.bin'), file('cifar-10-binary.tar.gz')], fakeEmbedded()),
      ),
    ).toMatchObject({
      code: 'data.batchTwice',
      params: { batch: 'data_batch_1.bin', first: 'data_batch_1.bin' },
    });
    expect(await problemOf(loadUserFiles([file('png-renamed.bin', 'cat.png')], null))).toEqual(
      problem('data.file.notCifarKnown', { name: 'cat.png', what: problem('format.png') }),
    );
    expect(await problemOf(loadUserFiles([], null))).toEqual(problem('data.noFiles'));
    expect(await problemOf(loadUserFiles([file('data_batch_1.bin')], null))).toEqual(problem('data.noTest'));
  });

  it('is all-or-nothing: one bad file and the current dataset is untouched', async () => {
    const current = fakeEmbedded();
    const before = { train: current.train.images.slice(), source: { ...current.source } };
    const p = await problemOf(
      loadUserFiles([file('data_batch_1.bin'), file('truncated.bin', 'data_batch_2.bin')], current),
    );
    expect(p).toMatchObject({
      code: 'data.batch.notWholeRecords',
      params: { name: 'data_batch_2.bin', size: '31,964' },
    });
    expect(current.train.images).toEqual(before.train);
    expect(current.source).toEqual(before.source);
    expect(current.train.count).toBe(30);
  });
});
