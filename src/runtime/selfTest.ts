// The self-test a GPU passes before it trains, and the fallback chain it drives: our webgpu
// kernels → tfjs-webgpu's stock kernel for each of ours that gave wrong results → WebAssembly
// when a whole training step is still wrong. Results are cached in IndexedDB per adapter, kernel
// version (kernels/webgpu/version.ts) and tfjs version, so a GPU is tested once; "check again"
// starts a new round (forgetSelfTests), which re-tests everything.
//
// The kernel cases run once, at start-up; the whole step runs before a model (preset and
// toggles) first trains, because on a slow GPU it costs as much as a few training steps.
import * as tf from '@tensorflow/tfjs-core';
import { registerKernels, setKernelChoice } from '../kernels';
import {
  failingKernels,
  runCase,
  runCases,
  type CaseResult,
  type CheckCase,
} from '../kernels/webgpu/selfTest';
import { webGpuKernelCases } from '../kernels/webgpu/selfTestCases';
import { WEBGPU_KERNELS } from '../kernels/webgpu/version';
import { problem, type Problem } from '../shared/problem';
import { readCached, writeCached } from './backendProbe';

export interface KernelReport {
  results: CaseResult[];
  /** Our kernels left stock because a case of theirs failed. */
  stock: string[];
  ms: number;
  /** Read from this browser's cache of an earlier visit. */
  cached: boolean;
}

export interface StepReport {
  result: CaseResult;
  ms: number;
  cached: boolean;
}

const roundKey = (adapter: string) => `self-test round | ${adapter}`;

async function cacheKey(adapter: string, what: string): Promise<string> {
  const round = Number((await readCached(roundKey(adapter))) ?? 0) || 0;
  return `self-test ${round} | ${adapter} | kernels v${WEBGPU_KERNELS.version} | tfjs ${tf.version_core} | ${what}`;
}

/** Drops every cached self-test result for `adapter` (the "check again" button). */
export async function forgetSelfTests(adapter: string): Promise<void> {
  const round = Number((await readCached(roundKey(adapter))) ?? 0) || 0;
  await writeCached(roundKey(adapter), round + 1);
}

const isReport = (v: unknown): v is Omit<KernelReport, 'cached'> =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as KernelReport).results) &&
  Array.isArray((v as KernelReport).stock);

/**
 * Runs our webgpu kernels' cases against cpu (or reads the cached result) and registers, for
 * each kernel that failed, the stock one instead; the rest stay ours. Leaves webgpu current.
 */
export async function selfTestKernels(
  adapter: string,
  onResult?: (r: CaseResult) => void,
): Promise<KernelReport> {
  const key = await cacheKey(adapter, 'kernels');
  const saved = await readCached(key);
  let report: KernelReport;
  if (isReport(saved)) report = { ...saved, cached: true };
  else {
    setKernelChoice({ stock: new Set() });
    registerKernels('webgpu');
    const t0 = performance.now();
    const results = await runCases(webGpuKernelCases(), 'webgpu', 'cpu', onResult);
    report = {
      results,
      stock: [...failingKernels(results).keys()],
      ms: performance.now() - t0,
      cached: false,
    };
    await writeCached(key, { results, stock: report.stock, ms: report.ms });
  }
  setKernelChoice({ stock: new Set(report.stock) });
  registerKernels('webgpu');
  await tf.setBackend('webgpu');
  return report;
}

/**
 * One whole training step (train/stepCheck.ts) on webgpu, with the kernels now registered,
 * against wasm (`startReference` starts it if it is not yet). Leaves webgpu current.
 */
export async function selfTestStep(
  adapter: string,
  step: CheckCase & { key: string },
  startReference: () => Promise<boolean>,
): Promise<StepReport> {
  const key = await cacheKey(adapter, step.key);
  const saved = (await readCached(key)) as Omit<StepReport, 'cached'> | null;
  if (saved && typeof saved.result?.pass === 'boolean') return { ...saved, cached: true };
  const t0 = performance.now();
  const result = await crossCheckStep(step, startReference);
  // No reference (wasm did not start): nothing was learnt, and nothing is cached.
  if (!result)
    return {
      result: { name: step.name, maxError: 0, tolerance: step.tolerance, pass: true },
      ms: 0,
      cached: false,
    };
  const report = { result, ms: performance.now() - t0 };
  await writeCached(key, report);
  return { ...report, cached: false };
}

/**
 * `step` on webgpu against wasm (started by `startReference` if it is not yet), uncached: the
 * self-test's whole step, and a rising loss's check from the run's own weights (stepCaseAt).
 * Null when wasm cannot start. Leaves webgpu current.
 */
export async function crossCheckStep(
  step: CheckCase,
  startReference: () => Promise<boolean>,
): Promise<CaseResult | null> {
  const result =
    tf.findBackend('wasm') || (await startReference()) ? await runCase(step, 'webgpu', 'wasm') : null;
  await tf.setBackend('webgpu');
  return result;
}

/** A relative error as the messages show it: 2 significant digits, or "no usable result". */
export function errorText(maxError: number): string | Problem {
  return Number.isFinite(maxError) ? maxError.toPrecision(2) : problem('selfTest.noResult');
}

/** What the header says about the kernel check: one line per kernel replaced, or that all passed. */
export function kernelProblems(report: KernelReport): Problem[] {
  const failing = failingKernels(report.results);
  if (failing.size === 0)
    return [
      report.cached
        ? problem('selfTest.passedEarlier', { checks: report.results.length })
        : problem('selfTest.passed', {
            checks: report.results.length,
            seconds: (report.ms / 1000).toFixed(1),
          }),
    ];
  return [...failing].map(([kernel, maxError]) =>
    problem('selfTest.kernelReplaced', { kernel, error: errorText(maxError) }),
  );
}
