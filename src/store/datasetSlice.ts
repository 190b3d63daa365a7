// What the page knows about the data: the summary of what is loaded, load progress, last error.

import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../shared/dataset';
import type { BackendInfo } from '../shared/protocol';
import type { Problem } from '../shared/problem';

export interface DatasetData {
  dataset: DatasetSummary | null;
  dataProgress: { loaded: number; total: number; what: Problem } | null;
  /** The last load error; cleared by the next successful load. */
  dataError: Problem | null;
  /** True while a user's files are being parsed in the Worker. */
  loadingFiles: boolean;
  backend: BackendInfo | null;
}

export interface DatasetSlice extends DatasetData {
  dismissDataError(): void;
  /** Applies what the Worker reported (client/reduce.ts computes the patch). */
  patchDataset(patch: Partial<DatasetData>): void;
}

export const createDatasetSlice: StateCreator<DatasetSlice, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  dataProgress: null,
  dataError: null,
  loadingFiles: false,
  backend: null,
  dismissDataError: () => set({ dataError: null }),
  patchDataset: (patch) => set(patch),
});
