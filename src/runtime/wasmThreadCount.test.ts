import { describe, expect, it } from 'vitest';
import { wasmThreadCount } from './wasmThreadCount';

describe('wasmThreadCount', () => {
  it('keeps every core on machines with fewer than 4 (one thread alone is about half as fast)', () => {
    expect(wasmThreadCount(1)).toBe(1);
    expect(wasmThreadCount(2)).toBe(2);
    expect(wasmThreadCount(3)).toBe(3);
  });
  it('leaves one core to the page from 4 cores on', () => {
    expect(wasmThreadCount(4)).toBe(3);
    expect(wasmThreadCount(8)).toBe(7);
  });
  it('stays within the 8 pre-started pthread Workers', () => {
    expect(wasmThreadCount(9)).toBe(8);
    expect(wasmThreadCount(64)).toBe(8);
  });
  it('treats an unknown or odd core count as one core', () => {
    expect(wasmThreadCount(undefined)).toBe(1);
    expect(wasmThreadCount(0)).toBe(1);
    expect(wasmThreadCount(NaN)).toBe(1);
    expect(wasmThreadCount(2.5)).toBe(2);
  });
});
