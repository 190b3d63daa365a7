import { describe, expect, it } from 'vitest';
import { relativeError, size, values } from './closeness';

describe('relativeError', () => {
  it('is the largest difference over the largest reference magnitude', () => {
    expect(relativeError([1, 2, 4.02], [1, 2, 4])).toBeCloseTo(0.005, 10);
    expect(relativeError([-1, 0], [1, 0])).toBe(2);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
  });
  it('is infinite for a mismatch it cannot scale, a non-finite value or another length', () => {
    expect(relativeError([1e-9], [0])).toBe(Infinity);
    expect(relativeError([NaN, 1], [1, 1])).toBe(Infinity);
    expect(relativeError([1, Infinity], [1, 1])).toBe(Infinity);
    expect(relativeError([1], [1, 1])).toBe(Infinity);
  });
});

describe('values', () => {
  it('is fixed per seed, in [-1, 1), and small integers with ties', () => {
    expect(values(5, 3)).toEqual(values(5, 3));
    expect(values(5, 3)).not.toEqual(values(5, 4));
    expect(values(size([4, 25]), 1).every((v) => v >= -1 && v < 1)).toBe(true);
    expect(values(100, 1, true).every((v) => [0, 1, 2].includes(v))).toBe(true);
  });
});
