// Runs self-test cases (selfTestCases.ts, and the runtime's whole training steps) on the target
// backend and on a reference backend, and says for each how far apart they are. A case that
// throws (a shader that does not compile, a lost device) fails with an infinite error.
import { kernelChoice, setKernelChoice, type TileSize } from '../choice';
import { relativeError } from '../../shared/closeness';
import { resultsOn } from '../common/resultsOn';
import type * as tf from '@tensorflow/tfjs-core';

/** What a case needs: see KernelCase (selfTestCases.ts); `kernel` absent for whole steps. */
export interface CheckCase {
  name: string;
  kernel?: string;
  tolerance: number;
  tile?: TileSize;
  run: () => tf.Tensor[];
  reference?: () => tf.Tensor[];
}

export interface CaseResult {
  name: string;
  kernel?: string;
  /** Largest relative error over the case's outputs (Infinity: not finite, or the case threw). */
  maxError: number;
  tolerance: number;
  pass: boolean;
}

/** Runs `c` on `reference` then on `target` (its tile forced there) and compares the outputs. */
export async function runCase(c: CheckCase, target = 'webgpu', reference = 'cpu'): Promise<CaseResult> {
  let maxError = Infinity;
  const tile = kernelChoice().gemmTile;
  try {
    const want = await resultsOn(reference, c.reference ?? c.run);
    if (c.tile) setKernelChoice({ gemmTile: c.tile });
    const got = await resultsOn(target, c.run);
    maxError =
      got.length === want.length ? Math.max(0, ...want.map((w, i) => relativeError(got[i], w))) : Infinity;
  } catch {
    maxError = Infinity;
  } finally {
    setKernelChoice({ gemmTile: tile });
  }
  return { name: c.name, kernel: c.kernel, maxError, tolerance: c.tolerance, pass: maxError < c.tolerance };
}

/** Runs every case in order; `onResult` hears each as it ends. */
export async function runCases(
  cases: CheckCase[],
  target = 'webgpu',
  reference = 'cpu',
  onResult: (r: CaseResult) => void = () => {},
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const r = await runCase(c, target, reference);
    results.push(r);
    onResult(r);
  }
  return results;
}

/** The kernels with a failing case, each with its worst error, in the order first failed. */
export function failingKernels(results: readonly CaseResult[]): Map<string, number> {
  const failing = new Map<string, number>();
  for (const r of results)
    if (!r.pass && r.kernel) failing.set(r.kernel, Math.max(failing.get(r.kernel) ?? 0, r.maxError));
  return failing;
}
