// How much the lab holds, and the small pure helpers that keep big collections moving in pieces:
// the capacity checks an import passes, the chunks it writes, the pages the run list shows.

import { problem, type Problem } from '../shared/problem';

/**
 * The stated capacity. 10,000 runs of summaries are a few MB in memory and read at start in well
 * under a second (docs/performance.md); a run of 1 M steps is six columns of 8 MB each, still one
 * IndexedDB record the charts can read. Beyond either, an import is refused before it writes.
 */
export const MAX_RUNS = 10_000;
export const MAX_STEPS_PER_RUN = 1_000_000;

/** Runs written per IndexedDB transaction (and per progress report) during an import. */
export const IMPORT_CHUNK = 250;

/** A refusal when `stored` runs plus `incoming` new ones would pass MAX_RUNS; null when they fit. */
export function checkRunCount(stored: number, incoming: number, max = MAX_RUNS): Problem | null {
  return stored + incoming > max
    ? problem('experiment.tooManyRuns', { count: stored + incoming, max })
    : null;
}

/** A refusal when run number `run` (1-based) has more than MAX_STEPS_PER_RUN steps. */
export function checkStepCount(run: number, steps: number, max = MAX_STEPS_PER_RUN): Problem | null {
  return steps > max ? problem('experiment.tooManySteps', { run, steps, max }) : null;
}

/** `items` cut into consecutive pieces of at most `size` (the last one may be shorter). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Page {
  /** The page shown, 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** Indices [start, end) of the items on it. */
  start: number;
  end: number;
}

/** Which items page `page` shows of `count` items, `size` per page; an empty list has one page. */
export function pageOf(count: number, page: number, size: number): Page {
  const pages = Math.max(1, Math.ceil(count / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { page: p, pages, start: p * size, end: Math.min(count, (p + 1) * size) };
}
