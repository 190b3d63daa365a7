// What the page knows about the data: the summary of what is loaded, load progress, last error.

import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../shared/dataset';
import type { BackendInfo } from '../shared/protocol';

export interface DatasetSlice {
  dataset: DatasetSummary | null;
  dataProgress: { loaded: number; total: number; what: string } | null;
  /** The last load error, in plain words; cleared by the next successful load. */
  dataError: string | null;
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
