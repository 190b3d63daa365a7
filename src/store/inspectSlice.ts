// What the inspect views show: the latest classification with its feature maps, conv1's filters,
// the test-set predictions, and which model answered. Written through client/inspect.ts (requests)
// and client/reduce.ts (answers).

import type { StateCreator } from 'zustand/vanilla';
import type { FilterTiles, Inspection, ModelOrigin, TestInsight } from '../shared/inspect';
import type { Problem } from '../shared/problem';

/** The id of the newest request of each kind: an answer to an older one is dropped. */
export interface InspectRequestIds {
  inspect: number;
  filters: number;
  insight: number;
}

export interface InspectData {
  /** The image being looked at, in words (file name or "test image #12"), or null. */
  subjectLabel: string | null;
  inspection: Inspection | null;
  inspectBusy: boolean;
  /** Why the last image could not be classified (the previous image's result is cleared). */
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
  requestIds: InspectRequestIds;
}

export interface InspectSlice extends InspectData {
  /** A new request of `kind` went out with `id`: its answer is the one to show. */
  inspectRequested(kind: keyof InspectRequestIds, id: number): void;
  setSubjectLabel(label: string): void;
  /** A save or load of model files went out. */
  modelFileRequested(): void;
  /** Applies what the Worker answered (client/reduce.ts computes the patch). */
  patchInspect(patch: Partial<InspectData>): void;
}

export const createInspectSlice: StateCreator<InspectSlice, [], [], InspectSlice> = (set) => ({
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
  requestIds: { inspect: 0, filters: 0, insight: 0 },
  inspectRequested: (kind, id) =>
    set((s) => ({
      requestIds: { ...s.requestIds, [kind]: id },
      ...(kind === 'inspect' ? { inspectBusy: true, inspectError: null } : {}),
      ...(kind === 'insight' ? { insightBusy: true, insightError: null } : {}),
    })),
  setSubjectLabel: (subjectLabel) => set({ subjectLabel }),
  modelFileRequested: () => set({ modelFileBusy: true, modelFileNote: null }),
  patchInspect: (patch) => set(patch),
});
