// Messages between the benchmark page (src/app/benchPage.ts) and its Worker (src/worker/bench.ts).

import type { BackendName } from './protocol';
import type { PresetId } from './types';

export interface BenchRequest {
  backend: BackendName;
  runs: { preset: PresetId; batchSize: number; steps: number }[];
}
