// The current run as the page sees it: state, per-step series and per-epoch evaluations.
// Series are columns of plain numbers (not objects) so 100,000 steps stay cheap to keep.

import type { StateCreator } from 'zustand/vanilla';
import type { CheckpointInfo, EvalMetrics, StepMetrics } from '../shared/protocol';
import type { RunSettings, RunState } from '../shared/types';
import type { Problem } from '../shared/problem';

/**
 * Replaced, never changed in place: each flush of steps makes new arrays (client/reduce.ts), and
 * `version` counts the flushes so chart memos can key on one number.
 */
export interface StepSeries {
  readonly step: readonly number[];
  readonly loss: readonly number[];
  /** The learning rate used at each step (drawn on the loss chart). */
  readonly lr: readonly number[];
  readonly version: number;
}

export interface RunData {
  runState: RunState;
  /** Why the run failed or how it ended (each run-state replaces it). */
  runMessage: Problem | null;
  /**
   * A warning while it trains (a checkpoint that did not fit the storage): kept through pause and
   * resume, so it cannot flash by; gone when a checkpoint saves again or the run ends.
   */
  runWarning: Problem | null;
  /** The settings the current or last run started with (the config cannot change under it). */
  runSettings: RunSettings | null;
  latestStep: StepMetrics | null;
  series: StepSeries;
  evals: EvalMetrics[];
  /** An interrupted run (page reloaded, Worker crashed) that can be resumed from its last epoch. */
  checkpoint: CheckpointInfo | null;
  /** The current run's latest checkpoint in IndexedDB (shown, so users know what a reload keeps). */
  savedCheckpoint: { epoch: number; step: number; savedAt: number } | null;
  /** The training guard stopped the run (step and layer in the problem's params). */
  guardTrip: { problem: Problem; step: number; layer: string | null; offerWasm: boolean } | null;
  /** The run was refused before it started: a buffer over the GPU's limits; `batch` is what fits. */
  limitsRefusal: { problem: Problem; batch: number | null } | null;
}

export interface RunSlice extends RunData {
  /** Applies what the Worker reported (client/reduce.ts computes the patch). */
  patchRun(patch: Partial<RunData>): void;
}

/** True while a run is training or paused: the one test of "a run is active" (settings locked). */
export const isRunActive = (s: Pick<RunData, 'runState'>): boolean =>
  s.runState === 'training' || s.runState === 'paused';

export const emptyRun = (): Pick<
  RunData,
  | 'runMessage'
  | 'runWarning'
  | 'latestStep'
  | 'series'
  | 'evals'
  | 'savedCheckpoint'
  | 'guardTrip'
  | 'limitsRefusal'
> => ({
  runMessage: null,
  runWarning: null,
  guardTrip: null,
  limitsRefusal: null,
  savedCheckpoint: null,
  latestStep: null,
  series: { step: [], loss: [], lr: [], version: 0 },
  evals: [],
});

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = (set) => ({
  runState: 'idle',
  runSettings: null,
  checkpoint: null,
  ...emptyRun(),
  patchRun: (patch) => set(patch),
});
