/// <reference lib="webworker" />
// The training Worker: the only code that touches `self` and postMessage. It owns the dataset,
// the backend and the running trainer; the page only sends ToWorker and renders FromWorker.

import type { Dataset } from '../shared/dataset';
import { isDebugMessage, type BackendInfo, type FromWorker, type ToWorker } from '../shared/protocol';
import type { RunSettings } from '../shared/types';
import { loadEmbedded } from '../data/embedded';
import { loadUserFiles } from '../data/userFiles';
import { summarize } from '../data/summary';
import { buildSpec } from '../model/spec';
import { chooseBackend, chooseByMeasurement } from '../runtime/backend';
import { RunControl } from '../train/control';
import { train } from '../train/trainer';
import { describeError, describeRefusal, describeTrainingError } from './errors';
import {
  modelToContinue,
  adoptRun,
  epochDone,
  handleInspect,
  initInspect,
  offerPretrained,
  runEnded,
  runModel,
} from './inspect';
import {
  beginRun,
  clearCheckpoint,
  discardOffered,
  endRun,
  loadCheckpoint,
  saveCheckpoint,
} from './checkpoints';
import { isQuotaError, MAKE_ROOM } from '../shared/storageErrors';
import { problem, type Problem } from '../shared/problem';
import { watchDevice } from './deviceLoss';
import { handleTestHook, nanAtStep } from './testHooks';
import { bufferLimits } from './adapterLimits';
import { checkLimits, largestBatchThatFits } from '../model/limits';
import { planData } from '../data/dataPlan';
import type { GuardTrip } from '../train/guard';
import { runPointAt, tripVerdict } from './tripVerdict';
import type { ModelSpec } from '../shared/types';
import { checkGpuKernels, checkGpuStep } from '../runtime/gpuCheck';
import { stepCase, stepCaseAt } from '../train/stepCheck';
import { setKernelChoice } from '../kernels';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker): void {
  self.postMessage(message);
}

let dataset: Dataset | null = null;
let control: RunControl | null = null;
let ready: Promise<void> | null = null;
/** The backend as last posted (after the GPU self-test, when there was a GPU). */
let backendInfo: BackendInfo | null = null;
/** Test builds' hooks from init (?nanAt=, ?adapterLimit=); always undefined in `npm run build`. */
let testHooks: Pick<Extract<ToWorker, { type: 'init' }>, 'nanAtForTest' | 'adapterLimitForTest'> = {};

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  if (import.meta.env.VITE_TEST_HOOKS && msg.corruptKernelForTest)
    setKernelChoice({ corruptForTest: msg.corruptKernelForTest });
  if (import.meta.env.VITE_TEST_HOOKS)
    testHooks = { nanAtForTest: msg.nanAtForTest, adapterLimitForTest: msg.adapterLimitForTest };
  const info = await chooseBackend(msg.backend);
  post({ type: 'backend', info });
  const t0 = performance.now();
  try {
    const loaded = await loadEmbedded(msg.dataUrl, (loadedCount, total, what) =>
      post({ type: 'data-progress', loaded: loadedCount, total, what }),
    );
    dataset = loaded;
    post({ type: 'dataset', summary: summarize(loaded, performance.now() - t0) });
  } catch (err) {
    post({ type: 'data-error', problem: problem('data.builtinFailed', { cause: describeError(err) }) });
  }
  // After the data (never slowing it down); inspect requests wait for it, and a failure is noted, not thrown.
  void offerPretrained(msg.pretrainedUrl);
  const saved = await loadCheckpoint();
  // Null too, so a page waiting to go on from a checkpoint (after the guard) hears there is none.
  post({
    type: 'checkpoint',
    info: saved && {
      settings: saved.settings,
      epoch: saved.checkpoint.epoch,
      step: saved.checkpoint.step,
      savedAt: saved.savedAt,
    },
  });
  // After the data, so the probe never delays it; training waits for `ready`, hence for this.
  const chosen = await chooseByMeasurement(info, msg.backend !== undefined);
  // A GPU is trusted only after its self-test; the kernels that fail it are left stock.
  backendInfo = await checkGpuKernels(chosen);
  post({ type: 'backend', info: backendInfo });
  watchDevice((reason) => post({ type: 'device-lost', reason }));
}

/** "Check again": the GPU's self-test from scratch, unless a run is training. */
async function recheckGpu(): Promise<void> {
  const gpu = backendInfo?.selfTest?.gpu;
  if (!gpu || control) {
    post({ type: 'log', level: 'warn', problem: problem(control ? 'selfTest.busy' : 'selfTest.noGpu') });
    return;
  }
  backendInfo = await checkGpuKernels(gpu, true);
  post({ type: 'backend', info: backendInfo });
}

async function loadFiles(files: File[]): Promise<void> {
  if (control) {
    post({ type: 'data-error', problem: problem('data.busyTraining') });
    return;
  }
  const t0 = performance.now();
  try {
    const next = await loadUserFiles(files, dataset);
    dataset = next;
    post({ type: 'dataset', summary: summarize(next, performance.now() - t0) });
  } catch (err) {
    // The dataset loaded before stays in use: `dataset` was not touched.
    post({ type: 'data-error', problem: describeRefusal(err, problem('data.file.unreadable')) });
  }
}

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Refuses a run one of whose buffers is over the GPU's per-buffer limits, before it allocates
 * anything, with the largest batch that fits. True when refused.
 */
function refusedByLimits(spec: ModelSpec, settings: RunSettings, trainCount: number): boolean {
  const limits = bufferLimits(import.meta.env.VITE_TEST_HOOKS ? testHooks.adapterLimitForTest : undefined);
  if (!limits) return false;
  // A step never holds more images than the run trains on.
  const batch = Math.max(1, Math.min(settings.optimizer.batchSize, trainCount));
  const verdict = checkLimits(spec, batch, limits);
  if (verdict.fits) return false;
  const fits = largestBatchThatFits(spec, limits, batch);
  const { largest, cap } = verdict;
  const params = { batch, layer: largest.layer, size: MB(largest.bytes), cap: MB(cap), fits };
  const what = `limits.${largest.what}`;
  post({
    type: 'limits-refused',
    problem: problem(fits > 0 ? 'limits.tooBig' : 'limits.nothingFits', {
      ...params,
      what: problem(what, params),
    }),
    batch: fits > 0 ? fits : null,
  });
  post({ type: 'run-state', state: 'error' });
  return true;
}

async function startTraining(settings: RunSettings, continueModel = false, resume = false): Promise<void> {
  if (control) return; // one run at a time; the UI disables Train meanwhile
  if (!dataset) {
    post({ type: 'run-state', state: 'error', problem: problem('data.notReady') });
    return;
  }
  const spec = buildSpec(settings.config);
  if (refusedByLimits(spec, settings, planData(dataset, settings.data, settings.seed).train.length)) return;
  // The run's own checkpoint record, locked to this tab while it trains.
  const begun = await beginRun(resume);
  const saved = begun === 'busy' ? null : begun;
  if (
    resume &&
    (!saved || saved.trainCount !== dataset.train.count || saved.testCount !== dataset.test.count)
  ) {
    endRun();
    const why = begun === 'busy' ? 'storage.checkpointBusy' : saved ? 'run.otherData' : 'run.checkpointGone';
    post({ type: 'run-state', state: 'error', problem: problem(why) });
    return;
  }
  const initial = continueModel ? modelToContinue(settings.config) : null;
  if (continueModel && !initial) {
    endRun();
    post({ type: 'run-state', state: 'error', problem: problem('run.nothingToContinue') });
    return;
  }
  const run = new RunControl();
  control = run;
  let finished: Problem | null | undefined;
  let tripped: GuardTrip | null = null;
  // The last step's learning rate, for a trip's cross-check (tripVerdict.ts).
  let lastLr = settings.optimizer.learningRate;
  /** The latest checkpoint's write: the guard's offer to go on waits for it to be in IndexedDB. */
  let saving: Promise<unknown> = Promise.resolve();
  try {
    // The model's first run on this GPU: one whole step against wasm; a wrong one moves to wasm.
    const moved = backendInfo && (await checkGpuStep(backendInfo, stepCase(settings.config)));
    if (moved) post({ type: 'backend', info: (backendInfo = moved) });
    await train(
      spec,
      settings,
      dataset,
      run,
      {
        // 'done' waits until the checkpoint is gone: a reload right after it must not offer to resume.
        // The guard's own message says why it stopped; the run state only says that it did.
        onState: (state, why) =>
          state === 'done'
            ? (finished = why ?? null)
            : post({ type: 'run-state', state, problem: tripped ? undefined : why }),
        onGuard: (trip) => (tripped = trip),
        beforeStep: import.meta.env.VITE_TEST_HOOKS ? nanAtStep(testHooks.nanAtForTest) : undefined,
        onStep: (metrics) => {
          lastLr = metrics.learningRate;
          post({ type: 'step', metrics });
        },
        onEval: (metrics) => {
          post({ type: 'eval', metrics });
          if (metrics.kind === 'epoch') epochDone(metrics.epoch);
        },
        // The model outlives the run: the inspect views and Save use it until the next run or load.
        onModel: (model, stats) => adoptRun(model, stats, settings),
        // Mid-epoch too, so a long epoch is not lost to a reload: at most a minute of training.
        checkpointEvery: { ms: 60_000 },
        onCheckpoint: (checkpoint) => {
          const record = {
            settings,
            checkpoint,
            trainCount: dataset!.train.count,
            testCount: dataset!.test.count,
            savedAt: Date.now(),
          };
          saving = saveCheckpoint(record).then(
            () =>
              post({
                type: 'checkpoint-saved',
                epoch: checkpoint.epoch,
                step: checkpoint.step,
                savedAt: record.savedAt,
              }),
            (err: unknown) =>
              post({
                type: 'log',
                level: 'warn',
                problem: isQuotaError(err)
                  ? problem('storage.checkpointFull', { makeRoom: MAKE_ROOM })
                  : problem('storage.checkpointFailed', { cause: describeError(err) }),
              }),
          );
        },
      },
      initial ?? undefined,
      saved?.checkpoint,
    );
    // Stopped by the guard: its last checkpoint (taken before the trip) is what goes on elsewhere.
    const trip = tripped as GuardTrip | null;
    if (trip) {
      await saving;
      const at = runModel();
      const verdict = await tripVerdict(
        trip,
        at
          ? async () =>
              stepCaseAt(settings.config, await runPointAt(at.model, dataset!, settings, at.stats, lastLr))
          : null,
      );
      post({ type: 'guard-tripped', ...verdict, step: trip.step, layer: trip.layer });
      return;
    }
    // Ended (done or stopped): nothing left to resume.
    await clearCheckpoint();
    if (run.isStopped) post({ type: 'run-state', state: 'done', problem: problem('run.stopped') });
    else if (finished !== undefined)
      post({ type: 'run-state', state: 'done', problem: finished ?? undefined });
  } catch (err) {
    post({ type: 'run-state', state: 'error', problem: describeTrainingError(err, settings) });
  } finally {
    endRun();
    control = null;
    runEnded();
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  // A constant: in builds without test hooks this branch and ./testHooks are dropped.
  if (isDebugMessage(msg)) {
    if (import.meta.env.VITE_TEST_HOOKS) handleTestHook(msg, post);
    return;
  }
  switch (msg.type) {
    case 'init':
      ready ??= init(msg);
      break;
    case 'load-files':
      void (ready ?? Promise.resolve()).then(() => loadFiles(msg.files));
      break;
    case 'train':
      void (ready ?? Promise.resolve()).then(() =>
        startTraining(msg.settings, msg.continueModel, msg.resume),
      );
      break;
    case 'pause':
      control?.pause();
      break;
    case 'resume':
      control?.resume();
      break;
    case 'stop':
      control?.stop();
      break;
    case 'recheck-gpu':
      void (ready ?? Promise.resolve()).then(recheckGpu);
      break;
    case 'discard-checkpoint':
      void discardOffered().then(() => post({ type: 'checkpoint', info: null }));
      break;
    default:
      void handleInspect(msg);
  }
};

initInspect({
  post: (msg, transfer) => self.postMessage(msg, transfer ?? []),
  dataset: () => dataset,
  training: () => control !== null,
});

self.addEventListener('unhandledrejection', (event) => {
  post({ type: 'log', level: 'warn', problem: describeError(event.reason) });
});
