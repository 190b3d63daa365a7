import { describe, expect, it } from 'vitest';
import { runsMemo } from './runsMemo';

describe('runsMemo', () => {
  it('works a result out once per list and keys, and again for a new list or other keys', () => {
    let calls = 0;
    const total = runsMemo((xs: number[], scale: number) => {
      calls++;
      return xs.reduce((a, b) => a + b, 0) * scale;
    });
    const list = [1, 2, 3];
    expect(total(list, 1)).toBe(6);
    expect(total(list, 1)).toBe(6);
    expect(calls).toBe(1);
    expect(total(list, 2)).toBe(12);
    expect(calls).toBe(2);
    // Back to the first key: still kept.
    expect(total(list, 1)).toBe(6);
    expect(calls).toBe(2);
    // The same values in a new list: a new list is a new result (lists are replaced, not changed).
    expect(total([1, 2, 3], 1)).toBe(6);
    expect(calls).toBe(3);
  });

  it('keeps a few entries per list, dropping the oldest', () => {
    let calls = 0;
    const f = runsMemo((_xs: number[], k: number) => {
      calls++;
      return k;
    });
    const list: number[] = [];
    for (let k = 0; k < 9; k++) f(list, k);
    expect(calls).toBe(9);
    f(list, 8);
    expect(calls).toBe(9);
    f(list, 0);
    expect(calls).toBe(10);
  });
});
