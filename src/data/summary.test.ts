import { describe, expect, it } from 'vitest';
import type { Dataset } from '../shared/dataset';
import { summarize } from './summary';

describe('summarize', () => {
  it('counts per class and batch and copies a few samples per class', () => {
    const n = 200;
    const images = Uint8Array.from({ length: n * 3072 }, (_, i) => Math.floor(i / 3072) % 256);
    const ds: Dataset = {
      source: { kind: 'embedded', description: { code: 'test.test' } },
      train: {
        count: n,
        images,
        labels: Uint8Array.from({ length: n }, (_, i) => i % 10),
        batchOf: Uint8Array.from({ length: n }, (_, i) => (i < 120 ? 1 : 3)),
      },
      test: {
        count: 20,
        images: new Uint8Array(20 * 3072),
        labels: Uint8Array.from({ length: 20 }, () => 4),
      },
    };
    const s = summarize(ds, 123);
    expect(s.trainCount).toBe(200);
    expect(s.testCount).toBe(20);
    expect(s.trainPerClass).toEqual(new Array(10).fill(20));
    expect(s.testPerClass).toEqual([0, 0, 0, 0, 20, 0, 0, 0, 0, 0]);
    expect(s.batches.map((b) => [b.batch, b.count])).toEqual([
      [1, 120],
      [3, 80],
    ]);
    expect(s.batches[0].perClass).toEqual(new Array(10).fill(12));
    expect(s.samples).toHaveLength(80);
    const third = s.samples.filter((x) => x.label === 3);
    expect(third.map((x) => x.index)).toEqual([3, 13, 23, 33, 43, 53, 63, 73]);
    expect(third[1].pixels).toHaveLength(3072);
    expect(third[1].pixels[100]).toBe(13);
    third[1].pixels[0] = 99;
    expect(images[13 * 3072]).toBe(13); // a copy, not a view
    expect(s.loadMs).toBe(123);
  });
});
