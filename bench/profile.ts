// Per-kernel breakdown of one training step (the app's own trainStep), from tf.profile().
// On wasm and cpu each kernel's time is wall time around its synchronous call; on webgpu it is
// the GPU's timestamp queries when the adapter offers them (otherwise null: counts only).
// Kernels of ours that compose other kernels internally (src/kernels/wasm) count as one.

import * as tf from '@tensorflow/tfjs-core';

export interface KernelShare {
  /** TF.js kernel name, e.g. Conv2DBackpropFilter. */
  name: string;
  calls: number;
  /** Summed kernel time in the profiled step; null when the backend cannot time kernels. */
  ms: number | null;
  /** ms / stepMs. */
  share: number | null;
}

export interface StepProfile {
  /** Wall time of the profiled step (profiling adds a little overhead per kernel). */
  stepMs: number;
  /** Sum of all kernel times; stepMs − kernelMs is JS, tape and dispatch overhead. */
  kernelMs: number | null;
  /** Sorted by time (or by calls when untimed), largest first. */
  kernels: KernelShare[];
  /**
   * The single slowest timed calls, largest first, with their input shapes: which layer a
   * kernel's time comes from (e.g. which of five Conv2DBackpropFilter calls). In bench.json.
   */
  slowestCalls: KernelCall[];
}

export interface KernelCall {
  name: string;
  ms: number;
  inputShapes: number[][];
}

/** How many single calls StepProfile.slowestCalls keeps. */
export const SLOWEST_CALLS = 12;

interface ProfiledKernel {
  name: string;
  /** tf.profile() has resolved its promises by the time it returns; anything else is untimed. */
  kernelTimeMs: unknown;
  inputShapes?: number[][];
}

/** Sums the profiler's kernel list per kernel name. Pure: exported for its unit test. */
export function aggregateKernels(list: ProfiledKernel[], stepMs: number): StepProfile {
  const by = new Map<string, { calls: number; ms: number; timed: boolean }>();
  const calls: KernelCall[] = [];
  let timedAny = false;
  for (const k of list) {
    const ms = typeof k.kernelTimeMs === 'number' && Number.isFinite(k.kernelTimeMs) ? k.kernelTimeMs : null;
    if (ms !== null) calls.push({ name: k.name, ms, inputShapes: k.inputShapes ?? [] });
    const e = by.get(k.name) ?? { calls: 0, ms: 0, timed: false };
    e.calls += 1;
    if (ms !== null) {
      e.ms += ms;
      e.timed = true;
      timedAny = true;
    }
    by.set(k.name, e);
  }
  const kernels: KernelShare[] = [...by].map(([name, e]) => ({
    name,
    calls: e.calls,
    ms: e.timed ? e.ms : null,
    share: e.timed && stepMs > 0 ? e.ms / stepMs : null,
  }));
  kernels.sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0) || b.calls - a.calls);
  const kernelMs = timedAny ? kernels.reduce((s, k) => s + (k.ms ?? 0), 0) : null;
  calls.sort((a, b) => b.ms - a.ms);
  return { stepMs, kernelMs, kernels, slowestCalls: calls.slice(0, SLOWEST_CALLS) };
}

/** Runs `step` (one training step that reads back its result) once under tf.profile(). */
export async function profileOnce(step: () => Promise<void>): Promise<StepProfile> {
  const t0 = performance.now();
  const info = await tf.profile(step);
  const stepMs = performance.now() - t0;
  return aggregateKernels(info.kernels, stepMs);
}
