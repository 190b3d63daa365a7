// Messages between the benchmark page (src/app/benchPage.ts) and its Worker (src/worker/bench.ts).

import type { BackendName } from './protocol';
import type { PresetId } from './types';

export interface BenchRequest {
  backend: BackendName;
  runs: { preset: PresetId; batchSize: number; steps: number }[];
  /**
   * 'baseline' = stock kernels (on wasm plus the two it cannot train without); 'project' = ours
   * (src/train/kernels for wasm, src/train/kernels/webgpu for webgpu).
   */
  kernels?: 'baseline' | 'project';
  /** wasm only: allow the multi-threaded build (needs a cross-origin-isolated page). */
  threads?: boolean;
  /** Also profile one step per run: time per kernel type. */
  profile?: boolean;
}
