// One vanilla Zustand store made of slices by concern. The bridge writes into it from outside
// React (store.setState); components read it through `useApp`.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createInspectSlice, type InspectSlice } from './inspectSlice';
import { createLabSlice, type LabSlice } from './labSlice';

export type AppState = DatasetSlice & ConfigSlice & RunSlice & InspectSlice & LabSlice;

export const store = createStore<AppState>()((...a) => ({
  ...createDatasetSlice(...a),
  ...createConfigSlice(...a),
  ...createRunSlice(...a),
  ...createInspectSlice(...a),
  ...createLabSlice(...a),
}));

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector);
}
