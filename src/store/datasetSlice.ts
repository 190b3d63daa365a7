// What the page knows about the data: the summary of what is loaded, load progress, last error.

import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../shared/dataset';
import type { BackendInfo } from '../shared/protocol';
import type { Problem } from '../shared/problem';

export interface DatasetSlice {
  dataset: DatasetSummary | null;
  dataProgress: { loaded: number; total: number; what: Problem } | null;
  /** The last load error; cleared by the next successful load. */
  dataError: Problem | null;
  /** True while a user's files are being parsed in the Worker. */
  loadingFiles: boolean;
  backend: BackendInfo | null;
  dismissDataError(): void;
}

export const createDatasetSlice: StateCreator<DatasetSlice, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  dataProgress: null,
  dataError: null,
  loadingFiles: false,
  backend: null,
  dismissDataError: () => set({ dataError: null }),
});
