// One vanilla Zustand store made of slices by concern. Each slice owns its actions: code outside
// src/store changes state only through them; components read it through `useApp`.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createInspectSlice, type InspectSlice } from './inspectSlice';
import { createLabSlice, type LabSlice } from './labSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = DatasetSlice & ConfigSlice & RunSlice & InspectSlice & LabSlice & ViewSlice;

/** A fresh store (the page has one, `store`; tests make their own). */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createDatasetSlice(...a),
    ...createConfigSlice(...a),
    ...createRunSlice(...a),
    ...createInspectSlice(...a),
    ...createLabSlice(...a),
    ...createViewSlice(...a),
  }));
}

export const store = createAppStore();

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector);
}

export { isRunActive } from './runSlice';
export { VIEWS, isView, type View } from './viewSlice';
