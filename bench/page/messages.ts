// Messages between the benchmark page (bench/page/main.ts) and its Worker (bench/page/worker.ts).

import type { BackendName } from '../../src/shared/protocol';
import type { PresetId } from '../../src/shared/types';

export interface BenchRequest {
  backend: BackendName;
  runs: { preset: PresetId; batchSize: number; steps: number }[];
  /**
   * 'baseline' = stock kernels (on wasm plus the two it cannot train without); 'project' = ours
   * (src/kernels/wasm for wasm, src/kernels/webgpu for webgpu).
   */
  kernels?: 'baseline' | 'project';
  /** wasm only: allow the multi-threaded build (needs a cross-origin-isolated page). */
  threads?: boolean;
  /** Also profile one step per run: time per kernel type. */
  profile?: boolean;
}
