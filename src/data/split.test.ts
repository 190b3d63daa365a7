import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSplit, SPLIT_SEED } from './split';

const dataDir = resolve(__dirname, '../../public/data');

describe('the seeded, stratified batch split', () => {
  const split = makeSplit();

  it('puts 1,000 images of every class in every batch, each training image exactly once', () => {
    expect(split.batches).toHaveLength(5);
    const seen = new Uint8Array(10 * 5000);
    for (const part of split.batches) {
      expect(part.labels.length).toBe(10_000);
      const perClass = new Array(10).fill(0);
      for (let k = 0; k < part.labels.length; k++) {
        perClass[part.labels[k]]++;
        seen[part.labels[k] * 5000 + part.ids[k]]++;
      }
      expect(perClass).toEqual(new Array(10).fill(1000));
    }
    expect(seen.every((n) => n === 1)).toBe(true);
    const testSeen = new Uint8Array(10 * 1000);
    for (let k = 0; k < 10_000; k++) testSeen[split.test.labels[k] * 1000 + split.test.ids[k]]++;
    expect(testSeen.every((n) => n === 1)).toBe(true);
  });

  it('is deterministic for a seed, shuffled, and different for another seed', () => {
    const again = makeSplit(SPLIT_SEED);
    expect(again.batches[3].ids).toEqual(split.batches[3].ids);
    expect(again.test.labels).toEqual(split.test.labels);
    const other = makeSplit(SPLIT_SEED + 1);
    expect(other.batches[0].ids).not.toEqual(split.batches[0].ids);
    // Shuffled within a batch: the first 100 labels are not all one class.
    expect(new Set(split.batches[0].labels.subarray(0, 100)).size).toBe(10);
  });

  it('matches the committed labels file and manifest', () => {
    const manifest = JSON.parse(readFileSync(resolve(dataDir, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(SPLIT_SEED);
    const bin = new Uint8Array(readFileSync(resolve(dataDir, 'labels.bin')));
    expect(bin.length).toBe(60_000 * 3);
    const ids = new DataView(bin.buffer, bin.byteOffset + 60_000);
    const parts = [...split.batches, split.test];
    for (let p = 0; p < parts.length; p++) {
      const entry = manifest.parts[p];
      expect(entry.file).toBe(p < 5 ? `data_batch_${p + 1}.jpg` : 'test_batch.jpg');
      expect(entry.batch).toBe(p < 5 ? p + 1 : null);
      for (let k = 0; k < parts[p].labels.length; k++) {
        const at = entry.labelOffset + k;
        if (bin[at] !== parts[p].labels[k] || ids.getUint16(at * 2, true) !== parts[p].ids[k]) {
          throw new Error(`part ${entry.file} image ${k} differs from the committed labels file`);
        }
      }
    }
  });
});
