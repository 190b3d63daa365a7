// The one module that owns the training Worker. It starts it lazily, sends typed ToWorker
// messages and writes every FromWorker event into the store. Components never see the Worker.

import type { FromWorker, ToWorker, BackendName, StepMetrics } from '../shared/protocol';
import { store } from '../store';
import { settingsOf } from '../store/configSlice';
import { emptyRun } from '../store/runSlice';
import type { RunSettings } from '../shared/types';
import type { InspectToWorker } from '../shared/inspect';
import { receiveInspect } from './inspect';
import { problem, type Problem } from '../shared/problem';

/** What listeners (the run recorder, the queue runner) hear: every Worker event, plus each run's start. */
export type BridgeEvent = FromWorker | { type: 'started'; settings: RunSettings };

/** Step events can arrive faster than a screen refreshes: they are applied at most this often. */
const FLUSH_MS = 100;

class TrainingBridge {
  private worker: Worker | null = null;
  private pendingSteps: StepMetrics[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(e: BridgeEvent) => void>();
  /** Set after a lost GPU: later Workers start on this backend instead of choosing. */
  private backendOverride: BackendName | undefined;

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
    const backend = new URLSearchParams(location.search).get('backend');
    const valid: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
    const dataUrl = new URL(`${import.meta.env.BASE_URL}data/`, location.href).href;
    this.send({
      type: 'init',
      dataUrl,
      backend:
        this.backendOverride ??
        (valid.includes(backend as BackendName) ? (backend as BackendName) : undefined),
    });
  }

  /**
   * The Worker's state (data, model, run) is gone: start a fresh one so the page stays usable.
   * Finished runs live in the store and IndexedDB; the last epoch's checkpoint in the Worker's
   * IndexedDB, which the new Worker offers to resume.
   */
  private restart(message: Problem, backend?: BackendName): void {
    this.worker?.terminate();
    this.worker = null;
    this.pendingSteps = [];
    if (backend) this.backendOverride = backend;
    store.setState({
      runState: 'error',
      runMessage: message,
      dataset: null,
      dataProgress: null,
      loadingFiles: false,
      backend: null,
    });
    this.start();
  }

  private send(msg: ToWorker): void {
    this.start();
    this.worker!.postMessage(msg);
  }

  /** Trains with the page's settings, or with `given` (the ablation queue's next run). */
  train(given?: RunSettings, opts: { continueModel?: boolean; resume?: boolean } = {}): void {
    const s = store.getState();
    if (s.runState === 'training' || s.runState === 'paused') return;
    const settings = given ?? settingsOf(s);
    store.setState({ runState: 'training', runSettings: settings, checkpoint: null, ...emptyRun() });
    this.send({ type: 'train', settings, continueModel: opts.continueModel, resume: opts.resume });
    this.listeners.forEach((l) => l({ type: 'started', settings }));
  }
  /** Forgets the interrupted run's checkpoint. */
  discardCheckpoint(): void {
    store.setState({ checkpoint: null });
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

  /** Test hook (only with ?testhooks in the URL): makes the Worker throw, as a crash would. */
  crashWorkerForTest(): void {
    this.send({ type: 'debug-crash' });
  }

  /** Test hook: the Worker destroys its GPU device, as a driver reset would. */
  loseDeviceForTest(): void {
    this.send({ type: 'debug-lose-device' });
  }

  /** Inspect requests (classify, feature maps, filters, save/load); client/inspect.ts builds them. */
  inspect(msg: InspectToWorker): void {
    this.send(msg);
  }

  loadFiles(files: File[]): void {
    if (files.length === 0) return;
    store.setState({ loadingFiles: true });
    this.send({ type: 'load-files', files });
  }

  private flushSteps = (): void => {
    this.flushTimer = null;
    if (this.pendingSteps.length === 0) return;
    const { series } = store.getState();
    for (const m of this.pendingSteps) {
      series.step.push(m.step);
      series.loss.push(m.loss);
      series.lr.push(m.learningRate);
    }
    const latestStep = this.pendingSteps[this.pendingSteps.length - 1];
    this.pendingSteps = [];
    store.setState({ latestStep, series: { ...series, version: series.version + 1 } });
  };

  private receive(msg: FromWorker): void {
    this.listeners.forEach((l) => l(msg));
    switch (msg.type) {
      case 'backend':
        store.setState({ backend: msg.info });
        break;
      case 'data-progress':
        store.setState({ dataProgress: { loaded: msg.loaded, total: msg.total, what: msg.what } });
        break;
      case 'dataset': {
        // Keep the ticked batches that the new data has; none left means all of its batches.
        const available = msg.summary.batches.map((b) => b.batch);
        store.setState((s) => {
          const kept = s.data.batches.filter((b) => available.includes(b));
          return {
            dataset: msg.summary,
            dataError: null,
            dataProgress: null,
            loadingFiles: false,
            data: { ...s.data, batches: kept.length > 0 ? kept : available },
          };
        });
        break;
      }
      case 'data-error':
        store.setState({ dataError: msg.problem, dataProgress: null, loadingFiles: false });
        break;
      case 'run-state':
        this.flushSteps();
        store.setState({ runState: msg.state, runMessage: msg.problem ?? null });
        break;
      case 'step':
        this.pendingSteps.push(msg.metrics);
        this.flushTimer ??= setTimeout(this.flushSteps, FLUSH_MS);
        break;
      case 'eval':
        this.flushSteps();
        store.setState((s) => ({ evals: [...s.evals, msg.metrics] }));
        break;
      case 'device-lost':
        this.restart(problem('device.movedToWasm', { reason: msg.reason }), 'wasm');
        break;
      case 'checkpoint':
        store.setState({ checkpoint: msg.info });
        break;
      case 'checkpoint-saved':
        store.setState({ savedCheckpoint: { epoch: msg.epoch, step: msg.step, savedAt: msg.savedAt } });
        break;
      case 'log':
        // Warnings are for the user (e.g. a checkpoint that did not fit the storage quota).
        if (msg.level === 'warn') store.setState({ runMessage: msg.problem });
        break;
      default:
        receiveInspect(msg);
    }
  }
}

export const bridge = new TrainingBridge();
