// A run record: everything one training run was and measured, as plain data that survives a
// reload (IndexedDB), an export to a file and an import in another browser. Pure: no DOM, no TF.js.

import type { EvalMetrics, StepMetrics } from '../shared/protocol';
import type { RunSettings } from '../shared/types';

export type RecordStatus = 'training' | 'done' | 'stopped' | 'error';

/**
 * Per-step columns (one entry per training step, all the same length). Columns of numbers, not
 * objects, so 100,000 steps stay small in memory, in IndexedDB and in an exported file.
 */
export interface StepColumns {
  step: number[];
  /** Fractional epoch at the end of the step: epoch − 1 + epochProgress. */
  epoch: number[];
  /** Training seconds at the end of the step: the sum of the steps' times (pauses and evaluations excluded). */
  seconds: number[];
  loss: number[];
  /** Accuracy on the step's mini-batch, 0…1. */
  batchAcc: number[];
  imagesPerSec: number[];
}

/** An evaluation (test set at an epoch end, or a mid-epoch estimate) with its training-seconds stamp. */
export interface EvalRecord extends EvalMetrics {
  seconds: number;
}

export interface RunRecord {
  id: string;
  name: string;
  pinned: boolean;
  /** Wall-clock milliseconds (Date.now) when the run started and ended. */
  createdAt: number;
  endedAt: number | null;
  settings: RunSettings;
  /** Backend name and adapter in plain words, e.g. "wasm · CPU, WebAssembly SIMD". */
  backend: string;
  status: RecordStatus;
  message: string | null;
  /** Set when the run came from an ablation queue: the variant's label ("baseline", "tanh", …). */
  variant: string | null;
  steps: StepColumns;
  evals: EvalRecord[];
}

export const emptySteps = (): StepColumns => ({
  step: [],
  epoch: [],
  seconds: [],
  loss: [],
  batchAcc: [],
  imagesPerSec: [],
});

/** A fresh id that does not depend on crypto being available (tests, old browsers). */
export function newRunId(now: number, random: () => number = Math.random): string {
  return `run-${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

export function createRecord(
  settings: RunSettings,
  opts: { id: string; now: number; backend: string; name?: string; variant?: string | null },
): RunRecord {
  return {
    id: opts.id,
    name: opts.name ?? defaultName(settings, opts.variant ?? null),
    pinned: false,
    createdAt: opts.now,
    endedAt: null,
    settings,
    backend: opts.backend,
    status: 'training',
    message: null,
    variant: opts.variant ?? null,
    steps: emptySteps(),
    evals: [],
  };
}

/** "ReLU · LRN · dropout · overlap · seed 1", or the variant's label first when it has one. */
export function defaultName(settings: RunSettings, variant: string | null): string {
  const pre = settings.data.preprocess;
  // The input option is named only when not the default per-channel normalisation.
  const desc =
    describeConfig(settings) + (pre && pre !== 'channel' ? ` · ${pre === 'zca' ? 'ZCA' : 'pixel mean'}` : '');
  return variant ? `${variant} — ${desc} · seed ${settings.seed}` : `${desc} · seed ${settings.seed}`;
}

export function describeConfig(settings: Pick<RunSettings, 'config'>): string {
  const c = settings.config;
  const act = c.activation === 'relu' ? 'ReLU' : c.activation;
  return [
    act,
    c.lrn ? 'LRN' : 'no LRN',
    c.dropout ? 'dropout' : 'no dropout',
    c.pooling === 'overlapping' ? 'overlap pool' : 'non-overlap pool',
    // Named only when not the default, so older runs' names stay as they were.
    ...(c.width && c.width !== '1' ? [`width ×${c.width === '1/2' ? '½' : '¼'}`] : []),
  ].join(' · ');
}

/** Appends steps in place (the record is owned by the recorder while it trains). */
export function appendSteps(rec: RunRecord, metrics: StepMetrics[]): void {
  const s = rec.steps;
  for (const m of metrics) {
    const prev = s.seconds.length > 0 ? s.seconds[s.seconds.length - 1] : 0;
    s.step.push(m.step);
    s.epoch.push(m.epoch - 1 + m.epochProgress);
    s.seconds.push(prev + m.msPerStep / 1000);
    s.loss.push(m.loss);
    s.batchAcc.push(m.batchAcc);
    s.imagesPerSec.push(m.imagesPerSec);
  }
}

/** Stamps the evaluation with the training seconds of the step it was measured at. */
export function appendEval(rec: RunRecord, m: EvalMetrics): void {
  const i = rec.steps.step.lastIndexOf(m.step);
  const seconds = i >= 0 ? rec.steps.seconds[i] : 0;
  rec.evals.push({ ...m, seconds });
}

/**
 * Ends the record. A run that reached the last epoch's evaluation is `done`; one that ended
 * earlier without an error was stopped.
 */
export function finishRecord(
  rec: RunRecord,
  state: 'done' | 'error',
  message: string | null,
  now: number,
): void {
  rec.endedAt = now;
  rec.message = message;
  if (state === 'error') rec.status = 'error';
  else {
    const last = rec.evals.filter((e) => e.kind === 'epoch').pop();
    rec.status = last && last.epoch >= rec.settings.epochs ? 'done' : 'stopped';
  }
}
