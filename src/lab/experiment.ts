// The experiment file: a whole set of runs (configs + metrics) as one versioned JSON file that
// another browser imports, so a teacher can merge students' runs into one comparison. Pure.
// Weights are not included: they live and die in the Worker.

import type { EvalRecord, RecordStatus, RunRecord } from './record';
import { problem, type Problem, type ProblemParams } from '../shared/problem';
import { bool, checkSettings, fail, InvalidInput, isObject, num, numArray, oneOf, str } from './validate';

export const EXPERIMENT_FORMAT = 'alexnet-lab-experiment';
export const EXPERIMENT_VERSION = 1;
/** Bigger files are refused before parsing: a week of training is far below this. */
export const MAX_EXPERIMENT_BYTES = 200 * 1024 * 1024;

export interface ExperimentFile {
  format: typeof EXPERIMENT_FORMAT;
  version: number;
  exportedAt: string;
  baselineId: string | null;
  runs: RunRecord[];
}

export function exportExperiment(runs: RunRecord[], baselineId: string | null, now: Date): string {
  const file: ExperimentFile = {
    format: EXPERIMENT_FORMAT,
    version: EXPERIMENT_VERSION,
    exportedAt: now.toISOString(),
    baselineId,
    runs,
  };
  return JSON.stringify(file);
}

export type ImportResult =
  | { ok: true; runs: RunRecord[]; baselineId: string | null }
  /** `detail`: what is wrong inside run number `problem.params.run` of a damaged file. */
  | { ok: false; problem: Problem; detail?: Problem };

/** Parses and checks an experiment file; a broken or foreign file gives a Problem, never a throw. */
export function importExperiment(text: string): ImportResult {
  const refuse = (code: string, params?: ProblemParams): ImportResult => ({
    ok: false,
    problem: problem(code, params),
  });
  if (text.length > MAX_EXPERIMENT_BYTES) return refuse('experiment.tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('experiment.notJson');
  }
  if (!isObject(data) || data.format !== EXPERIMENT_FORMAT) return refuse('experiment.notExperiment');
  if (typeof data.version !== 'number' || data.version > EXPERIMENT_VERSION)
    return refuse('experiment.newerVersion', {
      version: String(data.version),
      supported: EXPERIMENT_VERSION,
    });
  if (!Array.isArray(data.runs)) return refuse('experiment.noRuns');
  const runs: RunRecord[] = [];
  for (const [i, r] of data.runs.entries()) {
    try {
      runs.push(checkRun(r));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      return { ok: false, problem: problem('experiment.damaged', { run: i + 1 }), detail: err.problem };
    }
  }
  const baselineId = typeof data.baselineId === 'string' ? data.baselineId : null;
  return { ok: true, runs, baselineId };
}

const STATUSES: RecordStatus[] = ['training', 'done', 'stopped', 'error'];

/** Checks one run record; a refusal names the field by its path inside the run ('evals[0].epoch'). */
export function checkRun(v: unknown): RunRecord {
  if (!isObject(v) || !isObject(v.steps) || !Array.isArray(v.evals)) fail(problem('experiment.noSteps'));
  const s = v.steps;
  const steps = {
    step: numArray(s.step, 'steps.step'),
    epoch: numArray(s.epoch, 'steps.epoch'),
    seconds: numArray(s.seconds, 'steps.seconds'),
    loss: numArray(s.loss, 'steps.loss'),
    batchAcc: numArray(s.batchAcc, 'steps.batchAcc'),
    imagesPerSec: numArray(s.imagesPerSec, 'steps.imagesPerSec'),
  };
  const n = steps.step.length;
  if (Object.values(steps).some((col) => col.length !== n)) fail(problem('experiment.stepColumns'));
  const status = oneOf(v.status, STATUSES, 'status');
  return {
    id: str(v.id, 'id', 100),
    name: str(v.name, 'name'),
    pinned: bool(v.pinned, 'pinned'),
    createdAt: num(v.createdAt, 'createdAt', 0),
    endedAt: v.endedAt === null ? null : num(v.endedAt, 'endedAt', 0),
    settings: checkSettings(v.settings, 'settings.'),
    backend: str(v.backend, 'backend'),
    // A run still training when it was exported ended there, for whoever imports it.
    status: status === 'training' ? 'stopped' : status,
    message: v.message === null || v.message === undefined ? null : str(v.message, 'message', 2000),
    variant: v.variant === null || v.variant === undefined ? null : str(v.variant, 'variant', 200),
    steps,
    evals: v.evals.map((e, i) => checkEval(e, `evals[${i}]`)),
  };
}

function checkEval(e: unknown, at: string): EvalRecord {
  if (!isObject(e)) fail(problem('value.notGroup', { name: at }));
  const fraction = (x: unknown, name: string) => num(x, `${at}.${name}`, 0, 1);
  const positive = (x: unknown, name: string) => num(x, `${at}.${name}`, 0);
  const orNull = (x: unknown, name: string, f: (x: unknown, n: string) => number) =>
    x === null ? null : f(x, name);
  return {
    step: positive(e.step, 'step'),
    epoch: positive(e.epoch, 'epoch'),
    kind: oneOf(e.kind, ['epoch', 'estimate'] as const, `${at}.kind`),
    trainAcc: orNull(e.trainAcc, 'trainAcc', fraction),
    trainLoss: orNull(e.trainLoss, 'trainLoss', positive),
    testAcc: fraction(e.testAcc, 'testAcc'),
    testLoss: positive(e.testLoss, 'testLoss'),
    top1Error: fraction(e.top1Error, 'top1Error'),
    top5Error: fraction(e.top5Error, 'top5Error'),
    testCount: positive(e.testCount, 'testCount'),
    seconds: positive(e.seconds, 'seconds'),
  };
}

/**
 * Adds imported runs to the list. A run whose id is already there is the same run (exported
 * from here, or imported twice) and is skipped, so merging students' files twice adds nothing.
 */
export function mergeRuns(
  existing: RunRecord[],
  incoming: RunRecord[],
): { runs: RunRecord[]; added: number; skipped: number } {
  const ids = new Set(existing.map((r) => r.id));
  const fresh = incoming.filter((r) => !ids.has(r.id) && (ids.add(r.id), true));
  return { runs: [...existing, ...fresh], added: fresh.length, skipped: incoming.length - fresh.length };
}
