import { describe, expect, it } from 'vitest';
import { cellText, chartRows } from './chartTable';

describe('chart data table', () => {
  it('writes values with up to 4 significant digits and a dash for none', () => {
    expect(cellText(12)).toBe('12');
    expect(cellText(2.302585)).toBe('2.303');
    expect(cellText(0.000123456)).toBe('0.0001235');
    expect(cellText(null)).toBe('—');
    expect(cellText(undefined)).toBe('—');
    expect(cellText(NaN)).toBe('—');
  });

  it('has one row per step with a value, gaps left out', () => {
    const rows = chartRows([
      [1, 2, 3],
      [0.5, null, 0.25],
      [null, null, 40],
    ]);
    expect(rows).toEqual([
      ['1', '0.5', '—'],
      ['3', '0.25', '40'],
    ]);
  });
});
