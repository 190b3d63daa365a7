// Messages between the benchmark page (src/app/benchPage.ts) and its Worker (src/worker/bench.ts).

import type { BackendName } from './protocol';
import type { PresetId } from './types';

export interface BenchRequest {
  backend: BackendName;
  runs: { preset: PresetId; batchSize: number; steps: number }[];
  /** wasm only: 'baseline' = stock kernels plus the two it cannot train without. */
  kernels?: 'baseline' | 'project';
  /** wasm only: allow the multi-threaded build (needs a cross-origin-isolated page). */
  threads?: boolean;
  /** Also profile one step per run: time per kernel type. */
  profile?: boolean;
}
