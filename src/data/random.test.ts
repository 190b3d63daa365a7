import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from './random';
import { selectIndices } from './select';
import { seededSubset } from './dataPlan';

describe('createRng / shuffleInPlace', () => {
  it('is reproducible, in [0, 1), and roughly uniform', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(createRng(43)()).not.toBe(createRng(42)());
  });

  it('shuffles typed and plain arrays into a permutation', () => {
    const t = shuffleInPlace(
      Uint32Array.from({ length: 100 }, (_, i) => i),
      createRng(1),
    );
    expect([...t].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...t]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
    const p = shuffleInPlace(['a', 'b', 'c', 'd'], createRng(1));
    expect([...p].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('selectIndices / seededSubset', () => {
  const train = {
    count: 10,
    images: new Uint8Array(10 * 3072),
    labels: new Uint8Array(10),
    batchOf: Uint8Array.from([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]),
  };

  it('selects the images of the ticked batches, ascending', () => {
    expect(Array.from(selectIndices(train, [2, 5]))).toEqual([1, 4, 6, 9]);
    expect(Array.from(selectIndices(train, []))).toEqual([]);
    expect(selectIndices(train, [1, 2, 3, 4, 5])).toHaveLength(10);
  });

  it('gives a seeded subset of distinct indices', () => {
    const all = Uint32Array.from({ length: 1000 }, (_, i) => i);
    const a = seededSubset(all, 50, 7);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(Math.max(...a)).toBeLessThan(1000);
    expect(seededSubset(all, 50, 7)).toEqual(a);
    expect(seededSubset(all, 50, 8)).not.toEqual(a);
    expect([...seededSubset(all.subarray(0, 5), 50, 7)].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
