import { describe, expect, it } from 'vitest';
import { lttbIndices, smooth } from './downsample';

describe('lttbIndices', () => {
  it('keeps every point when there are fewer than the threshold', () => {
    expect(lttbIndices([0, 1, 2], [5, 6, 7], 10)).toEqual([0, 1, 2]);
  });

  it('reduces 100,000 points to the threshold, keeping the ends, in order', () => {
    const n = 100_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => Math.sin(x / 1000));
    const idx = lttbIndices(xs, ys, 800);
    expect(idx).toHaveLength(800);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
  });

  it('keeps a single spike that averaging would flatten', () => {
    const n = 10_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => (x === 5_432 ? 100 : 1));
    const idx = lttbIndices(xs, ys, 100);
    expect(idx).toContain(5_432);
  });
});

describe('smooth', () => {
  it('leaves a constant series unchanged (bias-corrected)', () => {
    for (const v of smooth([3, 3, 3, 3], 0.9)) expect(v).toBeCloseTo(3, 12);
  });

  it('lags behind a step, approaching it geometrically', () => {
    const s = smooth([0, 0, 10, 10, 10], 0.5);
    expect(s[2]).toBeGreaterThan(0);
    expect(s[2]).toBeLessThan(10);
    expect(s[4]).toBeGreaterThan(s[3]);
  });
});
