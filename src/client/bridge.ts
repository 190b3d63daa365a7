// The one module that owns the training Worker. It starts it lazily, sends typed ToWorker
// messages, and turns every FromWorker message into a patch (client/reduce.ts) applied through
// the slices' actions. Components never see the Worker.

import type {
  BackendName,
  CheckpointInfo,
  DebugToWorker,
  FromWorker,
  StepMetrics,
  ToWorker,
} from '../shared/protocol';
import { store, isRunActive } from '../store';
import { settingsOf } from '../store/configSlice';
import type { RunSettings } from '../shared/types';
import type { InspectToWorker } from '../shared/inspect';
import { problem, type Problem } from '../shared/problem';
import { applyPatch, reduce, reduceSteps, type Incoming } from './reduce';
import { PRETRAINED_DIR } from '../model/pretrained';

/** What listeners (recorder, queue runner, inspect views) hear: every Worker event, plus each run's start. */
export type BridgeEvent = FromWorker | { type: 'started'; settings: RunSettings };

/** Step events can arrive faster than a screen refreshes: they are applied at most this often. */
const FLUSH_MS = 100;

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Test hook ?nanAt= poisons the first Worker's run only, so the run that goes on is clean. */
let nanAtSent = false;

/**
 * Test builds' ?nanAt=STEP:LAYER and ?adapterLimit=BYTES (README, Test hooks). A function of the
 * module, not a method, so that builds without test hooks drop it and its names.
 */
function testHookParams(
  query: URLSearchParams,
): Pick<Extract<ToWorker, { type: 'init' }>, 'nanAtForTest' | 'adapterLimitForTest'> {
  const nanAt = /^(\d+):(\w+)$/.exec(query.get('nanAt') ?? '');
  const limit = Number(query.get('adapterLimit'));
  const first = !nanAtSent;
  nanAtSent = true;
  return {
    nanAtForTest: nanAt && first ? { step: Number(nanAt[1]), layer: nanAt[2] } : undefined,
    adapterLimitForTest: limit > 0 ? limit : undefined,
  };
}

class TrainingBridge {
  private worker: Worker | null = null;
  private pendingSteps: StepMetrics[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(e: BridgeEvent) => void>();
  /** Set after a lost GPU: later Workers start on this backend instead of choosing. */
  private backendOverride: BackendName | undefined;
  /** Set by "continue on WebAssembly": the next Worker's checkpoint (or none) starts the run again. */
  private goOnWhenReady: RunSettings | null = null;

  /** Hears every event; returns the way to stop listening. */
  on(listener: (e: BridgeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the Worker (once) and asks it to pick a backend and load the built-in data. */
  start(): void {
    if (this.worker) return;
    const worker = new Worker(new URL('../worker/main.ts', import.meta.url), {
      type: 'module',
      name: 'trainer',
    });
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.restart(problem('worker.crashed', { detail: e.message || problem('worker.crashUnknown') }));
    };
    this.worker = worker;
    const query = new URLSearchParams(location.search);
    const backend = query.get('backend') as BackendName | null;
    const dataUrl = new URL(`${import.meta.env.BASE_URL}data/`, location.href).href;
    const pretrainedUrl = new URL(`${import.meta.env.BASE_URL}${PRETRAINED_DIR}`, location.href).href;
    this.send({
      type: 'init',
      dataUrl,
      pretrainedUrl,
      backend: this.backendOverride ?? (backend && BACKENDS.includes(backend) ? backend : undefined),
      // Test hook (test builds only): one webgpu kernel of ours gives wrong results, e.g. ?corruptKernel=LRN.
      corruptKernelForTest: (import.meta.env.VITE_TEST_HOOKS && query.get('corruptKernel')) || undefined,
      ...(import.meta.env.VITE_TEST_HOOKS ? testHookParams(query) : {}),
    });
  }

  private apply(event: Incoming): void {
    applyPatch(store.getState(), reduce(store.getState(), event));
  }

  /**
   * The Worker's state (data, model, run) is gone: start a fresh one so the page stays usable.
   * Finished runs live in the store and IndexedDB; the last epoch's checkpoint in the Worker's
   * IndexedDB, which the new Worker offers to resume.
   */
  private restart(why: Problem, backend?: BackendName): void {
    this.worker?.terminate();
    this.worker = null;
    this.pendingSteps = [];
    if (backend) this.backendOverride = backend;
    this.apply({ type: 'worker-lost', problem: why });
    this.start();
  }

  private send(msg: ToWorker): void {
    this.start();
    this.worker!.postMessage(msg);
  }

  /** Trains with the page's settings, or with `given` (the ablation queue's next run). */
  train(given?: RunSettings, opts: { continueModel?: boolean; resume?: boolean } = {}): void {
    const s = store.getState();
    if (isRunActive(s)) return;
    const settings = given ?? settingsOf(s);
    this.apply({ type: 'started', settings });
    this.send({ type: 'train', settings, continueModel: opts.continueModel, resume: opts.resume });
    this.listeners.forEach((l) => l({ type: 'started', settings }));
  }
  /** Resumes an interrupted run from its checkpoint; the page shows the settings it goes on with. */
  resumeFrom(info: CheckpointInfo): void {
    const s = store.getState();
    s.setConfig(info.settings.config);
    s.setOptimizer(info.settings.optimizer);
    s.setData(info.settings.data);
    s.setEpochs(info.settings.epochs);
    s.setSeed(info.settings.seed);
    this.train(info.settings, { resume: true });
  }

  /**
   * After the training guard stopped a run: a fresh Worker on WebAssembly, which goes on from the
   * run's last checkpoint (the guard stops before a bad one is saved), or starts the run again
   * from scratch when it stopped before its first checkpoint.
   */
  continueOnWasm(): void {
    const settings = store.getState().runSettings;
    if (!settings) return;
    this.goOnWhenReady = settings;
    this.restart(problem('guard.movingToWasm'), 'wasm');
  }

  /** Forgets the interrupted run's checkpoint. */
  discardCheckpoint(): void {
    this.apply({ type: 'checkpoint-discarded' });
    this.send({ type: 'discard-checkpoint' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  resume(): void {
    this.send({ type: 'resume' });
  }
  stop(): void {
    this.send({ type: 'stop' });
  }

  /** Forgets this GPU's self-test results and runs the self-test again. */
  recheckGpu(): void {
    this.send({ type: 'recheck-gpu' });
  }

  /** Test hooks' messages (client/testHooks.ts; only test builds send any). */
  debug(msg: DebugToWorker): void {
    this.send(msg);
  }

  /** Inspect requests (classify, feature maps, filters, save/load); client/inspect.ts builds them. */
  inspect(msg: InspectToWorker): void {
    this.send(msg);
  }

  loadFiles(files: File[]): void {
    if (files.length === 0) return;
    this.apply({ type: 'files-requested' });
    this.send({ type: 'load-files', files });
  }

  private flushSteps = (): void => {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const steps = this.pendingSteps;
    this.pendingSteps = [];
    applyPatch(store.getState(), reduceSteps(store.getState(), steps));
  };

  private receive(msg: FromWorker): void {
    if (msg.type === 'step') {
      this.pendingSteps.push(msg.metrics);
      this.flushTimer ??= setTimeout(this.flushSteps, FLUSH_MS);
    } else {
      // Every other message sees the steps before it.
      this.flushSteps();
      this.apply(msg);
    }
    this.listeners.forEach((l) => l(msg));
    if (msg.type === 'checkpoint' && this.goOnWhenReady) {
      const settings = this.goOnWhenReady;
      this.goOnWhenReady = null;
      if (msg.info) this.resumeFrom(msg.info);
      else this.train(settings);
    }
    if (msg.type === 'device-lost')
      this.restart(problem('device.movedToWasm', { reason: msg.reason }), 'wasm');
  }
}

export const bridge = new TrainingBridge();
