import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbeddedFromDisk } from './nodeData';
import { parseBatch } from '../src/data/officialBinary';
import { IMAGE_BYTES } from '../src/shared/types';

describe('loadEmbeddedFromDisk (headless trainer data)', () => {
  it('reads all 60,000 images, with the labels and (near enough) the pixels of an independent decode', () => {
    const data = loadEmbeddedFromDisk(resolve('public/data'));
    expect(data.train.count).toBe(50_000);
    expect(data.test.count).toBe(10_000);
    for (let b = 1; b <= 5; b++) expect(data.train.batchOf.filter((x) => x === b).length).toBe(10_000);
    // The fixture holds the first 100 images of batch 1, decoded from the source JPEGs in Node
    // (float IDCT): a second, independent decoder.
    const fixture = parseBatch(
      'data_batch_1.bin',
      new Uint8Array(readFileSync(resolve('e2e/fixtures/data_batch_1.bin'))),
    );
    expect(Array.from(data.train.labels.subarray(0, 100))).toEqual(Array.from(fixture.labels));
    let sum = 0;
    let within2 = 0;
    const n = 100 * IMAGE_BYTES;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(data.train.images[i] - fixture.images[i]);
      sum += d;
      if (d <= 2) within2++;
    }
    // Two different IDCTs and chroma upsamplings: measured mean |Δ| 0.51, 99.9 %
    // within ±3 levels (a few edge pixels differ more). Far below what training notices.
    expect(sum / n).toBeLessThan(0.75);
    expect(within2 / n).toBeGreaterThan(0.99);
  });
});
