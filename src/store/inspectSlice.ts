// What the inspect views show: the latest classification with its feature maps, conv1's filters,
// the test-set predictions, and which model answered. Written by client/inspect.ts.

import type { StateCreator } from 'zustand/vanilla';
import type { FilterTiles, Inspection, ModelOrigin, TestInsight } from '../shared/inspect';
import type { Problem } from '../shared/problem';

export interface InspectSlice {
  /** The image being looked at, in words (file name or "test image #12"), or null. */
  subjectLabel: string | null;
  inspection: Inspection | null;
  inspectBusy: boolean;
  /** Why the last image could not be classified (the previous result stays). */
  inspectError: Problem | null;
  filters: FilterTiles | null;
  insight: TestInsight | null;
  insightBusy: boolean;
  insightError: Problem | null;
  /** The model a run produced or a file loaded; null until then. */
  liveModel: ModelOrigin | null;
  /** Outcome of the last save or load: the file names, or why it failed. */
  modelFileNote: { kind: 'saved' | 'loaded'; names: string } | { kind: 'error'; problem: Problem } | null;
  modelFileBusy: boolean;
}

export const createInspectSlice: StateCreator<InspectSlice, [], [], InspectSlice> = () => ({
  subjectLabel: null,
  inspection: null,
  inspectBusy: false,
  inspectError: null,
  filters: null,
  insight: null,
  insightBusy: false,
  insightError: null,
  liveModel: null,
  modelFileNote: null,
  modelFileBusy: false,
});
