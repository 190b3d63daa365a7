// The current run as the page sees it: state, per-step series and per-epoch evaluations.
// Series are columns of plain numbers (not objects) so 100,000 steps stay cheap to keep.

import type { StateCreator } from 'zustand/vanilla';
import type { CheckpointInfo, EvalMetrics, StepMetrics } from '../shared/protocol';
import type { RunSettings, RunState } from '../shared/types';
import type { Problem } from '../shared/problem';

/** Appended in place by the bridge; `version` changes with each flush so views know to redraw. */
export interface StepSeries {
  step: number[];
  loss: number[];
  /** The learning rate used at each step (drawn on the loss chart). */
  lr: number[];
  version: number;
}

export interface RunSlice {
  runState: RunState;
  /** Why the run failed, how it ended, or a warning while it trains. */
  runMessage: Problem | null;
  /** The settings the current or last run started with (the config cannot change under it). */
  runSettings: RunSettings | null;
  latestStep: StepMetrics | null;
  series: StepSeries;
  evals: EvalMetrics[];
  /** An interrupted run (page reloaded, Worker crashed) that can be resumed from its last epoch. */
  checkpoint: CheckpointInfo | null;
  /** The current run's latest checkpoint in IndexedDB (shown, so users know what a reload keeps). */
  savedCheckpoint: { epoch: number; step: number; savedAt: number } | null;
}

export const emptyRun = (): Pick<
  RunSlice,
  'runMessage' | 'latestStep' | 'series' | 'evals' | 'savedCheckpoint'
> => ({
  runMessage: null,
  savedCheckpoint: null,
  latestStep: null,
  series: { step: [], loss: [], lr: [], version: 0 },
  evals: [],
});

export const createRunSlice: StateCreator<RunSlice, [], [], RunSlice> = () => ({
  runState: 'idle',
  runSettings: null,
  checkpoint: null,
  ...emptyRun(),
});
