// The experiment file: a whole set of runs (configs + metrics) as one versioned JSON file that
// another browser imports, so a teacher can merge students' runs into one comparison. Pure.
// Weights are not included: they live and die in the Worker.

import type { EvalRecord, RecordStatus, RunRecord } from './record';
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
  { ok: true; runs: RunRecord[]; baselineId: string | null } | { ok: false; message: string };

/** Parses and checks an experiment file; a broken or foreign file gives a message, never a throw. */
export function importExperiment(text: string): ImportResult {
  if (text.length > MAX_EXPERIMENT_BYTES)
    return { ok: false, message: 'This file is too large to be an experiment file.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not an AlexNet Lab experiment: it is not valid JSON.' };
  }
  if (!isObject(data) || data.format !== EXPERIMENT_FORMAT)
    return {
      ok: false,
      message: 'This file is not an AlexNet Lab experiment (its format tag is missing or different).',
    };
  if (typeof data.version !== 'number' || data.version > EXPERIMENT_VERSION)
    return {
      ok: false,
      message: `This experiment file was written by a newer version of AlexNet Lab (format ${String(data.version)}); this one reads format ${EXPERIMENT_VERSION}.`,
    };
  if (!Array.isArray(data.runs)) return { ok: false, message: 'This experiment file has no list of runs.' };
  try {
    const runs = data.runs.map((r, i) => checkRun(r, `Run ${i + 1}`));
    const baselineId = typeof data.baselineId === 'string' ? data.baselineId : null;
    return { ok: true, runs, baselineId };
  } catch (err) {
    if (err instanceof InvalidInput)
      return { ok: false, message: `This experiment file is damaged: ${err.message}` };
    throw err;
  }
}

const STATUSES: RecordStatus[] = ['training', 'done', 'stopped', 'error'];

export function checkRun(v: unknown, what: string): RunRecord {
  if (!isObject(v) || !isObject(v.steps) || !Array.isArray(v.evals))
    fail(`${what} is missing its steps or evaluations.`);
  const s = v.steps;
  const steps = {
    step: numArray(s.step, `${what}: steps`),
    epoch: numArray(s.epoch, `${what}: epochs`),
    seconds: numArray(s.seconds, `${what}: seconds`),
    loss: numArray(s.loss, `${what}: losses`),
    batchAcc: numArray(s.batchAcc, `${what}: batch accuracies`),
    imagesPerSec: numArray(s.imagesPerSec, `${what}: images per second`),
  };
  const n = steps.step.length;
  if (Object.values(steps).some((col) => col.length !== n))
    fail(`${what}: its step columns have different lengths.`);
  const status = oneOf(v.status, STATUSES, `${what}: the status`);
  return {
    id: str(v.id, `${what}: the id`, 100),
    name: str(v.name, `${what}: the name`),
    pinned: bool(v.pinned, `${what}: pinned`),
    createdAt: num(v.createdAt, `${what}: the start time`, 0),
    endedAt: v.endedAt === null ? null : num(v.endedAt, `${what}: the end time`, 0),
    settings: checkSettings(v.settings, `${what}: the settings`),
    backend: str(v.backend, `${what}: the backend`),
    // A run still training when it was exported ended there, for whoever imports it.
    status: status === 'training' ? 'stopped' : status,
    message:
      v.message === null || v.message === undefined ? null : str(v.message, `${what}: the message`, 2000),
    variant:
      v.variant === null || v.variant === undefined ? null : str(v.variant, `${what}: the variant`, 200),
    steps,
    evals: v.evals.map((e, i) => checkEval(e, `${what}, evaluation ${i + 1}`)),
  };
}

function checkEval(e: unknown, what: string): EvalRecord {
  if (!isObject(e)) fail(`${what} is not an evaluation.`);
  const fraction = (x: unknown, name: string) => num(x, `${what}: ${name}`, 0, 1);
  const orNull = (x: unknown, name: string, f: (x: unknown, n: string) => number) =>
    x === null ? null : f(x, name);
  return {
    step: num(e.step, `${what}: the step`, 0),
    epoch: num(e.epoch, `${what}: the epoch`, 0),
    kind: oneOf(e.kind, ['epoch', 'estimate'] as const, `${what}: the kind`),
    trainAcc: orNull(e.trainAcc, 'the train accuracy', fraction),
    trainLoss: orNull(e.trainLoss, 'the train loss', (x, n) => num(x, `${what}: ${n}`, 0)),
    testAcc: fraction(e.testAcc, 'the test accuracy'),
    testLoss: num(e.testLoss, `${what}: the test loss`, 0),
    top1Error: fraction(e.top1Error, 'the top-1 error'),
    top5Error: fraction(e.top5Error, 'the top-5 error'),
    testCount: num(e.testCount, `${what}: the test count`, 0),
    seconds: num(e.seconds, `${what}: the seconds`, 0),
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
