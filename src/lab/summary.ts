// A run's summary record: everything the run list, the compare table and the scorecard need,
// without the per-step columns (which grow to a million numbers per run and are read only for
// the runs drawn in the charts). Pure: no DOM, no TF.js, no IndexedDB.

import type { RunRecord, StepColumns } from './record';
import { checkRun } from './experiment';
import { fail, isObject, num } from './validate';
import { problem } from '../shared/problem';

/** How many steps the training accuracy is averaged over: batch accuracy is too noisy alone. */
export const SMOOTH_STEPS = 20;

/** Where a run first reached a target; null when it never did. */
export interface Reached {
  step: number;
  epoch: number;
  seconds: number;
}

/** What the per-step columns tell the summaries, computed once when the steps are written. */
export interface StepDigest {
  /** Steps recorded. */
  count: number;
  /** The last step's number (0 without steps). */
  lastStep: number;
  /** Training seconds at the last step (0 without steps). */
  lastSeconds: number;
  /** Mean images/s over the finite values, null when there are none. */
  meanImagesPerSec: number | null;
  /**
   * Where the smoothed training accuracy first reached p % for p = 1, 2, … up to the highest
   * whole percent it reached: flat triples [step, epoch, seconds] (entry p at 3 (p − 1)). The
   * target is set in whole percent, so this answers `reachedTarget` exactly without the steps.
   */
  reach: number[];
}

/** The summary record stored for each run (IndexedDB store `runs`). */
export type RunHead = Omit<RunRecord, 'steps'> & { digest: StepDigest };

/** A run as the lab holds it: its summary, and its steps when they are in memory (the live run). */
export type LabRun = RunHead & { steps?: StepColumns };

export function digestSteps(s: StepColumns): StepDigest {
  const n = s.step.length;
  let sum = 0;
  let count = 0;
  for (const v of s.imagesPerSec)
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  return {
    count: n,
    lastStep: n > 0 ? s.step[n - 1] : 0,
    lastSeconds: n > 0 ? s.seconds[n - 1] : 0,
    meanImagesPerSec: count > 0 ? sum / count : null,
    reach: reachTable(s),
  };
}

/** The `reach` table: one pass over the steps with the same window as stats.reachedTarget. */
function reachTable(s: StepColumns): number[] {
  const { batchAcc, step, epoch, seconds } = s;
  const out: number[] = [];
  let sum = 0;
  let reached = 0;
  for (let i = 0; i < batchAcc.length; i++) {
    sum += batchAcc[i];
    if (i >= SMOOTH_STEPS) sum -= batchAcc[i - SMOOTH_STEPS];
    const n = Math.min(i + 1, SMOOTH_STEPS);
    if (i + 1 < Math.min(SMOOTH_STEPS, batchAcc.length)) continue;
    const mean = sum / n;
    // Every whole percent newly passed here is first reached at this step.
    while (reached < 100 && mean >= (reached + 1) / 100) {
      reached++;
      out.push(step[i], epoch[i], seconds[i]);
    }
  }
  return out;
}

/** `reachedTarget` from the digest: the first point at the target's whole percent (rounded up). */
export function reachedFromDigest(d: StepDigest, target: number): Reached | null {
  const p = Math.max(1, Math.ceil(Math.round(target * 1e6) / 1e4));
  const i = 3 * (p - 1);
  return i + 2 < d.reach.length ? { step: d.reach[i], epoch: d.reach[i + 1], seconds: d.reach[i + 2] } : null;
}

/** A record's summary; its steps stay behind. */
export function headOf(rec: RunRecord): RunHead {
  const { steps, ...rest } = rec;
  return { ...rest, digest: digestSteps(steps) };
}

/** A summary without its steps (what is written to the `runs` store). */
export function stripSteps(run: LabRun): RunHead {
  if (run.steps === undefined) return run;
  const { steps: _steps, ...head } = run;
  void _steps;
  return head;
}

/** Checks a stored summary record; a damaged one throws InvalidInput like checkRun. */
export function checkHead(v: unknown): RunHead {
  if (!isObject(v) || !isObject(v.digest)) fail(problem('experiment.noSteps'));
  const d = v.digest;
  const rec = checkRun({
    ...v,
    steps: { step: [], epoch: [], seconds: [], loss: [], batchAcc: [], imagesPerSec: [] },
  });
  const reach = d.reach;
  if (!Array.isArray(reach) || reach.length % 3 !== 0 || !reach.every((x) => typeof x === 'number'))
    fail(problem('value.notList', { name: 'digest.reach', value: '' }));
  const { steps: _steps, ...rest } = rec;
  void _steps;
  return {
    ...rest,
    digest: {
      count: num(d.count, 'digest.count', 0),
      lastStep: num(d.lastStep, 'digest.lastStep', 0),
      lastSeconds: num(d.lastSeconds, 'digest.lastSeconds', 0),
      meanImagesPerSec:
        d.meanImagesPerSec === null ? null : num(d.meanImagesPerSec, 'digest.meanImagesPerSec', 0),
      reach: reach as number[],
    },
  };
}

/** A summary and its steps back together (export, per-run downloads). */
export function joinRun(head: RunHead, steps: StepColumns): RunRecord {
  const { digest: _digest, ...rest } = head;
  void _digest;
  return { ...rest, steps };
}
