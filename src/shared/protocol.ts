// The one message protocol between the UI (client/bridge.ts) and the training Worker (worker/).
// Both sides import only these types, so a change here is checked on both sides by the compiler.
// Errors and notices are Problems (a code and parameters): the UI words them in the user's language.

import type { DatasetSummary } from './dataset';
import type { RunSettings, RunState } from './types';
import type { InspectFromWorker, InspectToWorker } from './inspect';
import type { Problem } from './problem';

/** Which TF.js backend trains, on what, and why it was picked. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** The adapter or device in plain words, e.g. "NVIDIA H100 (WebGPU)" or "CPU, WebAssembly SIMD". */
  adapter: string;
  /** Why this backend was chosen. */
  reason: Problem;
  /** The measured figures the choice was made by (runtime/backendProbe.ts), when there were any. */
  figures?: BackendFigure[];
  /** The GPU self-test's findings (runtime/selfTest.ts), when a GPU was checked. */
  selfTest?: SelfTestInfo;
}

export interface SelfTestInfo {
  /** In plain words: all passed, or which kernel of ours was replaced and why, or the move to wasm. */
  problems: Problem[];
  /** The GPU backend as it was before the check: what "check again" re-tests. */
  gpu: BackendInfo;
}

/** One backend's time for the start-up probe step; ms null = not measured, `note` says why. */
export interface BackendFigure {
  backend: BackendName;
  ms: number | null;
  note?: Problem;
  /** Read from this browser's cache of an earlier visit rather than measured now. */
  cached?: boolean;
}

/** An interrupted run's checkpoint, as the page is told about it. */
export interface CheckpointInfo {
  settings: RunSettings;
  /** Epochs finished and training steps done when it was saved. */
  epoch: number;
  step: number;
  savedAt: number;
}

export interface StepMetrics {
  step: number;
  epoch: number;
  /** Fraction of the current epoch done, 0…1. */
  epochProgress: number;
  loss: number;
  /** Accuracy on this training mini-batch, 0…1. */
  batchAcc: number;
  learningRate: number;
  imagesPerSec: number;
  msPerStep: number;
  /** Seconds left in this epoch and in the whole run, estimated from recent steps. */
  etaEpochS: number;
  etaRunS: number;
  /**
   * Where this step's time went, ms (train/step.ts StepTiming + the batch): exact on wasm/cpu;
   * on webgpu/webgl the phases are queueing time and `waitMs` holds the GPU's own work.
   */
  split?: { dataMs: number; forwardMs: number; backwardMs: number; updateMs: number; waitMs: number };
}

export interface EvalMetrics {
  step: number;
  epoch: number;
  /** 'epoch': the whole test set at the end of an epoch; 'estimate': a test subset mid-epoch. */
  kind: 'epoch' | 'estimate';
  /** Accuracy 0…1 on the training images of the epoch (mean over its steps); null for estimates. */
  trainAcc: number | null;
  trainLoss: number | null;
  testAcc: number;
  testLoss: number;
  top1Error: number;
  top5Error: number;
  testCount: number;
  /** Live TF.js tensors in the Worker after this evaluation: flat across epochs unless something leaks. */
  tensors?: number;
  /** With RunSettings.tta: the same test images, centre + mirror predictions averaged. */
  tta?: { testAcc: number; top1Error: number; top5Error: number };
}

export type ToWorker =
  /**
   * Start: pick a backend (`backend` forces one, e.g. from ?backend=wasm), load the embedded data,
   * then the pretrained model from `pretrainedUrl` (the app's own public/pretrained/ folder).
   */
  | {
      type: 'init';
      backend?: BackendName;
      dataUrl: string;
      pretrainedUrl: string;
      /** Test builds only: ?corruptKernel=LRN makes that webgpu kernel of ours give wrong results. */
      corruptKernelForTest?: string;
      /** Test builds only: ?nanAt=STEP:LAYER turns that layer's kernel to NaN before that step. */
      nanAtForTest?: { step: number; layer: string };
      /** Test builds only: ?adapterLimit=BYTES caps the GPU's buffer limits for the limits check. */
      adapterLimitForTest?: number;
    }
  /** Forget the GPU self-test's results for this GPU and run it again. */
  | { type: 'recheck-gpu' }
  | { type: 'load-files'; files: File[] }
  /** `continueModel`: train the model the inspect views hold (loaded or from the last run) further. */
  | { type: 'train'; settings: RunSettings; continueModel?: boolean; resume?: boolean }
  /** Forget the interrupted run's checkpoint. */
  | { type: 'discard-checkpoint' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | DebugToWorker
  | InspectToWorker;

/**
 * Test hooks, sent only by test builds (client/testHooks.ts). `debug-crash`: the Worker throws
 * outside any handler, as a real crash would; `debug-lose-device`: it loses its GPU device on
 * purpose (WebGPU destroy / WebGL lose_context).
 */
export type DebugToWorker = { type: 'debug-crash' } | { type: 'debug-lose-device' };

/** True for a test hook's message; tells them apart without naming them, so builds hold no names. */
export function isDebugMessage(msg: ToWorker): msg is DebugToWorker {
  return msg.type.startsWith('debug-');
}

export type FromWorker =
  | { type: 'backend'; info: BackendInfo }
  | { type: 'data-progress'; loaded: number; total: number; what: Problem }
  | { type: 'dataset'; summary: DatasetSummary }
  /** A load failed; the dataset loaded before (if any) is untouched and still in use. */
  | { type: 'data-error'; problem: Problem }
  /** `problem`: why the run failed, or a note on how it ended ("Stopped."). */
  | { type: 'run-state'; state: RunState; problem?: Problem }
  | { type: 'step'; metrics: StepMetrics }
  | { type: 'eval'; metrics: EvalMetrics }
  | { type: 'log'; level: 'info' | 'warn'; problem: Problem }
  /**
   * The training guard (train/guard.ts) stopped the run: `problem` says what and where (its code
   * is the guard's, with step and layer). The run's checkpoint is kept, so it can go on elsewhere.
   */
  /** `offerWasm`: going on on WebAssembly can help (not for a rising loss the CPU shares). */
  | { type: 'guard-tripped'; problem: Problem; step: number; layer: string | null; offerWasm: boolean }
  /**
   * The run was refused before it started: a buffer it needs is larger than the GPU allows.
   * `batch`: the largest batch size that fits (null: none does, the model's weights alone are too big).
   */
  | { type: 'limits-refused'; problem: Problem; batch: number | null }
  /** The backend's GPU is gone; the page restarts the Worker on WebAssembly. */
  | { type: 'device-lost'; reason: Problem }
  /** An interrupted run that can be resumed (null: none any more). */
  | { type: 'checkpoint'; info: CheckpointInfo | null }
  /** The running run's checkpoint reached IndexedDB: a reload or a lost GPU now resumes from here. */
  | { type: 'checkpoint-saved'; epoch: number; step: number; savedAt: number }
  | InspectFromWorker;
