// The lab's IndexedDB layout, shared by the page (client/runsDb.ts) and the import Worker
// (worker/importRuns.ts), and the pure step of its migrations. Pure: names and data only.
//
// Version 1 kept each run as one record with its steps, so start-up read every step of every run.
// Version 2 keeps a summary record per run (`runs`, see summary.ts) and its steps apart (`steps`,
// same key), read only for the runs a chart draws.

import type { StepColumns } from './record';
import { checkRun } from './experiment';
import { checkHead, headOf, type RunHead } from './summary';
import { InvalidInput, isObject } from './validate';

export const RUNS_DB = 'alexnet-lab';
export const RUNS_DB_VERSION = 2;
export const RUNS_STORE = 'runs';
export const STEPS_STORE = 'steps';

/** A record of the `steps` store. */
export interface StoredSteps {
  id: string;
  steps: StepColumns;
}

/**
 * A version-1 record split into its summary and its steps; null for anything else (damaged
 * records stay as they are and are skipped when read, as version 1 skipped them).
 */
export function splitV1(raw: unknown): { head: RunHead; steps: StoredSteps } | null {
  if (!isObject(raw) || !isObject(raw.steps)) return null;
  try {
    const rec = checkRun(raw);
    return { head: headOf(rec), steps: { id: rec.id, steps: rec.steps } };
  } catch (err) {
    if (err instanceof InvalidInput) return null;
    throw err;
  }
}

/** Checked summaries of `raw` records; damaged ones (or ones from an older version) are left out. */
export function checkedHeads(raw: readonly unknown[]): RunHead[] {
  const out: RunHead[] = [];
  for (const r of raw) {
    try {
      out.push(checkHead(r));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
    }
  }
  return out;
}

/** What the start-up reader (worker/readRuns.ts) tells the page: summaries, then the end (or
 * that it failed, and the page reads them itself). */
export type ReadReport = { type: 'heads'; heads: RunHead[] } | { type: 'done' } | { type: 'failed' };
