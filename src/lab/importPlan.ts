// What an import will write, decided before anything is written: the runs of the file that are
// new here, within the stated capacity (capacity.ts). Pure. The import Worker runs it.

import type { RunRecord } from './record';
import type { RunHead } from './summary';
import { checkRunCount, checkStepCount, MAX_RUNS, MAX_STEPS_PER_RUN } from './capacity';
import type { Problem } from '../shared/problem';

export type ImportPlan = { ok: true; fresh: RunRecord[]; skipped: number } | { ok: false; problem: Problem };

/**
 * The file's runs minus those already stored (`storedIds`) or repeated in the file: a run with an
 * id already here is the same run, so merging students' files twice adds nothing. Refused when a
 * run has more than `maxSteps` steps or the new runs would take the lab past `maxRuns`.
 */
export function planImport(
  incoming: readonly RunRecord[],
  storedIds: ReadonlySet<string>,
  maxRuns = MAX_RUNS,
  maxSteps = MAX_STEPS_PER_RUN,
): ImportPlan {
  for (const [i, r] of incoming.entries()) {
    const p = checkStepCount(i + 1, r.steps.step.length, maxSteps);
    if (p) return { ok: false, problem: p };
  }
  const ids = new Set(storedIds);
  const fresh = incoming.filter((r) => !ids.has(r.id) && (ids.add(r.id), true));
  const p = checkRunCount(storedIds.size, fresh.length, maxRuns);
  return p ? { ok: false, problem: p } : { ok: true, fresh, skipped: incoming.length - fresh.length };
}

/** What the import Worker is told (page → Worker). */
export type ImportRequest = { type: 'import'; file: Blob } | { type: 'cancel' };

/** What the import Worker reports (Worker → page): codes and numbers, never sentences. */
export type ImportReport =
  /** The file was read and checked: `total` new runs will be written, `skipped` were already here. */
  | { type: 'planned'; total: number; skipped: number; baselineId: string | null }
  /** One chunk was written: its runs' summaries, and how many are written so far. */
  | { type: 'written'; heads: RunHead[]; done: number }
  | { type: 'done' }
  /** Cancelled: what was written has been deleted again. */
  | { type: 'cancelled' }
  | { type: 'refused'; problem: Problem; detail?: Problem };
