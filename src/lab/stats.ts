// Statistics over run records: per-run summaries (final / best errors, time to a target
// accuracy, throughput, train–test gap) and mean ± sd over the seeds of a variant. Pure.

import type { RunRecord } from './record';
import { variantKey } from './plan';
import { reachedFromDigest, SMOOTH_STEPS, type LabRun, type Reached } from './summary';

export { SMOOTH_STEPS, type Reached };

/** A run with its steps (a record) or with only its summary (what the lab keeps of stored runs). */
export type Summarizable = RunRecord | LabRun;

export interface Spread {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  n: number;
}

export function meanSd(values: number[]): Spread | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return null;
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length < 2 ? 0 : Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  return { mean, sd, n: v.length };
}

export interface RunSummary {
  id: string;
  finalTop1: number | null;
  finalTop5: number | null;
  bestTop1: number | null;
  bestTop5: number | null;
  finalTrainAcc: number | null;
  finalTestAcc: number | null;
  /** Train accuracy − test accuracy at the last epoch end: how much the model overfits. */
  gap: number | null;
  /** First point where the smoothed training accuracy reached the target (see `reachedTarget`). */
  toTarget: Reached | null;
  /** Steps to the target, or the run's total steps when it never got there (a lower bound). */
  stepsToTargetCensored: number | null;
  totalSteps: number;
  seconds: number;
  /** Mean training throughput over the run's steps. */
  imagesPerSec: number | null;
}

/**
 * The first step at which the training accuracy, averaged over the last SMOOTH_STEPS steps (or
 * all steps so far, early on), is at least `target` (0…1). The paper's figure 1 target is 75 %
 * training accuracy, i.e. 25 % training error.
 */
export function reachedTarget(rec: Pick<RunRecord, 'steps'>, target: number): Reached | null {
  const { batchAcc, step, epoch, seconds } = rec.steps;
  let sum = 0;
  for (let i = 0; i < batchAcc.length; i++) {
    sum += batchAcc[i];
    if (i >= SMOOTH_STEPS) sum -= batchAcc[i - SMOOTH_STEPS];
    const n = Math.min(i + 1, SMOOTH_STEPS);
    // Ask for a full window before judging, so one lucky first batch does not count.
    if (i + 1 >= Math.min(SMOOTH_STEPS, batchAcc.length) && sum / n >= target)
      return { step: step[i], epoch: epoch[i], seconds: seconds[i] };
  }
  return null;
}

/** Steps in memory (a record, the live run) answer exactly; a stored summary from its digest. */
function stepFacts(
  rec: Summarizable,
  target: number,
): { toTarget: Reached | null; totalSteps: number; ips: number | null; seconds: number } {
  const steps = rec.steps;
  if (steps) {
    const n = steps.step.length;
    return {
      toTarget: reachedTarget({ steps }, target),
      totalSteps: n > 0 ? steps.step[n - 1] : 0,
      ips: meanSd(steps.imagesPerSec)?.mean ?? null,
      seconds: n > 0 ? steps.seconds[n - 1] : 0,
    };
  }
  const d = 'digest' in rec ? rec.digest : null;
  return {
    toTarget: d ? reachedFromDigest(d, target) : null,
    totalSteps: d?.lastStep ?? 0,
    ips: d?.meanImagesPerSec ?? null,
    seconds: d?.lastSeconds ?? 0,
  };
}

/**
 * Summaries of stored runs, by run object and target. A stored summary never changes in place (an
 * edit makes a new object), so with thousands of runs each is summarised once, not at every
 * render of the table and the scorecard. Runs with steps in memory (the live run grows in place)
 * are not kept.
 */
const summaries = new WeakMap<object, { target: number; summary: RunSummary }>();

export function summarize(rec: Summarizable, target: number): RunSummary {
  if (rec.steps) return summarizeNow(rec, target);
  const kept = summaries.get(rec);
  if (kept && kept.target === target) return kept.summary;
  const summary = summarizeNow(rec, target);
  summaries.set(rec, { target, summary });
  return summary;
}

function summarizeNow(rec: Summarizable, target: number): RunSummary {
  const epochEvals = rec.evals.filter((e) => e.kind === 'epoch');
  // A run stopped before its first epoch end still has mid-epoch estimates worth showing.
  const evals = epochEvals.length > 0 ? epochEvals : rec.evals;
  const last = evals.length > 0 ? evals[evals.length - 1] : null;
  const lastEpoch = epochEvals.length > 0 ? epochEvals[epochEvals.length - 1] : null;
  const { toTarget, totalSteps, ips, seconds } = stepFacts(rec, target);
  return {
    id: rec.id,
    finalTop1: last?.top1Error ?? null,
    finalTop5: last?.top5Error ?? null,
    bestTop1: evals.length > 0 ? Math.min(...evals.map((e) => e.top1Error)) : null,
    bestTop5: evals.length > 0 ? Math.min(...evals.map((e) => e.top5Error)) : null,
    finalTrainAcc: lastEpoch?.trainAcc ?? null,
    finalTestAcc: last?.testAcc ?? null,
    gap: lastEpoch && lastEpoch.trainAcc !== null ? lastEpoch.trainAcc - lastEpoch.testAcc : null,
    toTarget,
    stepsToTargetCensored: toTarget ? toTarget.step : totalSteps > 0 ? totalSteps : null,
    totalSteps,
    seconds,
    imagesPerSec: ips,
  };
}

export type SummaryField = Exclude<keyof RunSummary, 'id' | 'toTarget'>;

export interface VariantGroup {
  key: string;
  label: string;
  runs: Summarizable[];
  summaries: RunSummary[];
}

/** Groups runs that differ only in their seed, in the order their first run appears. */
export function groupVariants(runs: Summarizable[], target: number): VariantGroup[] {
  const groups = new Map<string, VariantGroup>();
  for (const r of runs) {
    const key = variantKey(r.settings);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: r.variant ?? r.name, runs: [], summaries: [] };
      groups.set(key, g);
    }
    g.runs.push(r);
    g.summaries.push(summarize(r, target));
  }
  return [...groups.values()];
}

export function fieldSpread(summaries: RunSummary[], field: SummaryField): Spread | null {
  return meanSd(summaries.map((s) => s[field]).filter((v): v is number => typeof v === 'number'));
}

/** Mean of the variant minus mean of the baseline; null when either has no value. */
export function diffFromBaseline(
  variant: RunSummary[],
  baseline: RunSummary[],
  field: SummaryField,
): number | null {
  const a = fieldSpread(variant, field);
  const b = fieldSpread(baseline, field);
  return a && b ? a.mean - b.mean : null;
}
