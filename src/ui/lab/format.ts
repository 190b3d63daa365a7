// Number formats of the lab's tables: errors and accuracies in percent, mean ± sd.

import type { Spread } from '../../lab/stats';

// `+ 0` turns −0 into 0, and rounding first keeps −0.0001 from printing as "-0.0".
const fixed = (v: number, digits: number) => (Number((v * 100).toFixed(digits)) + 0).toFixed(digits);

export const pct = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : fixed(v, digits);

export const signedPct = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}`;

export const spreadPct = (s: Spread | null): string =>
  !s
    ? '—'
    : s.n > 1
      ? `${(s.mean * 100).toFixed(1)} ± ${(s.sd * 100).toFixed(1)}`
      : (s.mean * 100).toFixed(1);

export const plain = (v: number | null | undefined, digits = 0): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

/** A file name piece from a run's name: letters, digits and dashes. */
export const slug = (name: string): string =>
  name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'run';
