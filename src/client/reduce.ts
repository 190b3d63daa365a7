// What each Worker message (and each of the bridge's own events) does to the page's state, as a
// pure function: (state, message) → patch. The bridge applies the patch through the slices'
// actions; side effects (downloads, refreshing the inspect views) live with their listeners.

import type { FromWorker, StepMetrics } from '../shared/protocol';
import type { DataSelection, ModelConfig, RunSettings } from '../shared/types';
import type { Problem } from '../shared/problem';
import type { AppState } from '../store';
import type { DatasetData } from '../store/datasetSlice';
import { emptyRun, type RunData } from '../store/runSlice';
import type { InspectData } from '../store/inspectSlice';

/** The bridge's own events: a run it started, a Worker it lost, requests it sent. */
export type LocalEvent =
  | { type: 'started'; settings: RunSettings }
  /** The Worker crashed or lost its GPU: its data, backend and run are gone. */
  | { type: 'worker-lost'; problem: Problem }
  | { type: 'files-requested' }
  | { type: 'checkpoint-discarded' };

export type Incoming = FromWorker | LocalEvent;

/** Changes per slice; `settings` are the page's settings that follow the Worker. */
export interface Patch {
  dataset?: Partial<DatasetData>;
  run?: Partial<RunData>;
  inspect?: Partial<InspectData>;
  /** The batches new data has, or the architecture and seed of a loaded model. */
  settings?: { batches?: number[]; config?: ModelConfig; seed?: number };
}

/** What the reducer reads. */
export type ReduceState = DatasetData & RunData & InspectData & { data: DataSelection };

/** Steps appended to the series: new arrays (never a change in place), the last one shown. */
export function reduceSteps(state: Pick<RunData, 'series'>, steps: readonly StepMetrics[]): Patch {
  if (steps.length === 0) return {};
  const { series } = state;
  return {
    run: {
      latestStep: steps[steps.length - 1],
      series: {
        step: series.step.concat(steps.map((m) => m.step)),
        loss: series.loss.concat(steps.map((m) => m.loss)),
        lr: series.lr.concat(steps.map((m) => m.learningRate)),
        version: series.version + 1,
      },
    },
  };
}

export function reduce(state: ReduceState, msg: Incoming): Patch {
  switch (msg.type) {
    case 'backend':
      return { dataset: { backend: msg.info } };
    case 'data-progress':
      return { dataset: { dataProgress: { loaded: msg.loaded, total: msg.total, what: msg.what } } };
    case 'dataset': {
      // Keep the ticked batches that the new data has; none left means all of its batches.
      const available = msg.summary.batches.map((b) => b.batch);
      const kept = state.data.batches.filter((b) => available.includes(b));
      return {
        dataset: { dataset: msg.summary, dataError: null, dataProgress: null, loadingFiles: false },
        settings: { batches: kept.length > 0 ? kept : available },
      };
    }
    case 'data-error':
      return { dataset: { dataError: msg.problem, dataProgress: null, loadingFiles: false } };
    case 'run-state':
      // A run that ended has no checkpoint left to lose: its storage warning has nothing to say.
      return {
        run: {
          runState: msg.state,
          runMessage: msg.problem ?? null,
          ...(msg.state === 'done' || msg.state === 'error' ? { runWarning: null } : {}),
        },
      };
    case 'step':
      return reduceSteps(state, [msg.metrics]);
    case 'eval':
      return { run: { evals: [...state.evals, msg.metrics] } };
    case 'checkpoint':
      return { run: { checkpoint: msg.info } };
    case 'checkpoint-saved':
      return {
        run: {
          savedCheckpoint: { epoch: msg.epoch, step: msg.step, savedAt: msg.savedAt },
          runWarning: null,
        },
      };
    case 'log':
      // Warnings are for the user (e.g. a checkpoint that did not fit the storage quota).
      return msg.level === 'warn' ? { run: { runWarning: msg.problem } } : {};
    case 'guard-tripped':
      return {
        run: {
          guardTrip: { problem: msg.problem, step: msg.step, layer: msg.layer, offerWasm: msg.offerWasm },
        },
      };
    case 'limits-refused':
      return { run: { limitsRefusal: { problem: msg.problem, batch: msg.batch } } };
    case 'device-lost':
      // The bridge restarts the Worker on WebAssembly, which is a 'worker-lost'.
      return {};
    case 'inspection':
      return msg.result.id === state.requestIds.inspect
        ? { inspect: { inspection: msg.result, inspectBusy: false } }
        : {};
    case 'filter-tiles':
      return msg.result.id === state.requestIds.filters ? { inspect: { filters: msg.result } } : {};
    case 'test-insight-result':
      return msg.result.id === state.requestIds.insight
        ? { inspect: { insight: msg.result, insightBusy: false } }
        : {};
    case 'inspect-error':
      switch (msg.what) {
        case 'inspect':
          // The refused image's message replaces the previous image's answer, never sits under it.
          return { inspect: { inspectError: msg.problem, inspectBusy: false, inspection: null } };
        case 'insight':
          return { inspect: { insightError: msg.problem, insightBusy: false } };
        case 'save':
        case 'load':
          return {
            inspect: { modelFileNote: { kind: 'error', problem: msg.problem }, modelFileBusy: false },
          };
        default:
          return {}; // filters: the tiles stay as they were
      }
    case 'model-saved':
      return {
        inspect: {
          modelFileBusy: false,
          modelFileNote: { kind: 'saved', names: `${msg.jsonName} + ${msg.weightsName}` },
        },
      };
    case 'model-loaded':
      // The page's config follows the loaded model, so its layer table and requests match it.
      return {
        inspect: {
          liveModel: msg.origin,
          modelFileBusy: false,
          modelFileNote: { kind: 'loaded', names: msg.name },
        },
        settings: { config: msg.origin.config, seed: msg.origin.seed },
      };
    case 'model-changed':
      return { inspect: { liveModel: msg.origin } };
    case 'started':
      return { run: { runState: 'training', runSettings: msg.settings, checkpoint: null, ...emptyRun() } };
    case 'worker-lost':
      return {
        run: { runState: 'error', runMessage: msg.problem, guardTrip: null, limitsRefusal: null },
        dataset: { dataset: null, dataProgress: null, loadingFiles: false, backend: null },
      };
    case 'files-requested':
      return { dataset: { loadingFiles: true } };
    case 'checkpoint-discarded':
      return { run: { checkpoint: null } };
  }
}

/** Applies a patch through the slices' own actions. */
export function applyPatch(s: AppState, p: Patch): void {
  if (p.dataset) s.patchDataset(p.dataset);
  if (p.run) s.patchRun(p.run);
  if (p.inspect) s.patchInspect(p.inspect);
  if (p.settings?.batches) s.setData({ batches: p.settings.batches });
  if (p.settings?.config) s.setConfig(p.settings.config);
  if (p.settings?.seed !== undefined) s.setSeed(p.settings.seed);
}
