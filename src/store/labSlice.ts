// The ablation lab's state: the run records (loaded from IndexedDB, appended by the recorder),
// which run is the baseline and which are compared, and the queue. Written through these actions
// by client/recorder.ts, client/queueRunner.ts, client/runsDb.ts and src/ui/lab.

import type { StateCreator } from 'zustand/vanilla';
import type { LabRun } from '../lab/summary';
import { cancelItem, moveItem, setItem, type QueueItem } from '../lab/queue';
import type { QueueSetup } from '../lab/url';
import type { Problem } from '../shared/problem';

/** `text` is what the URL reader still writes until it reports Problems too. */
/** A message above the lab: Problems are worded when shown, so they follow the language. */
export type LabMessage = { kind: 'error' | 'info' } & ({ problems: Problem[] } | { text: string });

/** How long a deletion can be undone before the runs are deleted from IndexedDB. */
export const UNDO_MS = 8000;

/** Runs deleted from the list but still stored until `until` (Date.now ms), so Undo can bring them back. */
export interface Trash {
  runs: LabRun[];
  until: number;
}

/** An import in progress (the import Worker's reports): runs written of the runs in the file. */
export interface ImportProgress {
  name: string;
  done: number;
  total: number;
}

export interface LabSlice {
  /**
   * Every run's summary, oldest first; only the live run (and runs trained in this page) carry
   * their steps. The record of the run in progress is appended in place (its steps grow) and
   * `runsVersion` bumps so views redraw; at each epoch end and at the end it is replaced by a
   * copy, which is what the persistence module saves.
   */
  runs: LabRun[];
  /** Runs deleted but still undoable (client/runsDb.ts deletes them when this empties). */
  trash: Trash | null;
  importProgress: ImportProgress | null;
  runsVersion: number;
  /** False until IndexedDB has answered (or failed). */
  runsLoaded: boolean;
  liveRunId: string | null;
  baselineId: string | null;
  /** Runs shown in the compare view; empty = all runs. */
  selectedIds: string[];
  /** Training accuracy that counts as "reached" for the speed claims (0.75 = the paper's 25 % error). */
  target: number;
  queue: QueueItem[];
  /** True while the runner should start the next item when a run ends. */
  queueActive: boolean;
  /** The queue form: which plan and how many seeds (also in the URL). */
  queueSetup: QueueSetup;
  labMessage: LabMessage | null;
  renameRun(id: string, name: string): void;
  togglePin(id: string): void;
  deleteRun(id: string): void;
  /** Moves the runs (never the live one) to the trash; an earlier trash is emptied first. */
  deleteRuns(ids: string[]): void;
  /** Puts the trashed runs back in the list. */
  undoDelete(): void;
  /** The undo time is over: the trashed runs are deleted for good. */
  emptyTrash(): void;
  setImportProgress(p: ImportProgress | null): void;
  setBaseline(id: string | null): void;
  toggleSelected(id: string): void;
  setTarget(target: number): void;
  setQueueSetup(patch: Partial<QueueSetup>): void;
  setLabMessage(m: LabMessage | null): void;
  /** The compared runs, all at once (ticking one off "all runs" selects the others). */
  setSelected(ids: string[]): void;
  /** A run started: its record joins the list as the live one. */
  addLiveRun(rec: LabRun): void;
  /** The live record was copied (epoch end, run end): the copy replaces it, and is saved. */
  commitRun(rec: LabRun): void;
  /** The live record grew in place: views redraw. */
  touchRuns(): void;
  /** The live run ended. */
  endLiveRun(): void;
  /** Runs read back from IndexedDB go first; records already in the list are kept. */
  mergeSavedRuns(saved: LabRun[]): void;
  /**
   * Another tab saved `stored` and deleted `removed` (client/runsDb.ts heard it): the list follows.
   * The live run is this tab's own and is left alone.
   */
  applyStoredRuns(stored: LabRun[], removed: string[]): void;
  /** An import named this baseline: it becomes the baseline if none is set and the run is listed. */
  adoptBaseline(id: string | null): void;
  /** A new queue starts: its items, running, and no baseline until its first run. */
  beginQueue(items: QueueItem[]): void;
  setQueueActive(active: boolean): void;
  patchQueueItem(id: string, patch: Partial<QueueItem>): void;
  cancelQueueItem(id: string): void;
  moveQueueItem(id: string, dir: -1 | 1): void;
  clearQueue(): void;
}

const patchRun = (runs: LabRun[], id: string, patch: Partial<LabRun>) =>
  runs.map((r) => (r.id === id ? { ...r, ...patch } : r));

let trashTimer: ReturnType<typeof setTimeout> | null = null;

export const createLabSlice: StateCreator<LabSlice, [], [], LabSlice> = (set, get) => ({
  runs: [],
  trash: null,
  importProgress: null,
  runsVersion: 0,
  runsLoaded: false,
  liveRunId: null,
  baselineId: null,
  selectedIds: [],
  target: 0.75,
  queue: [],
  queueActive: false,
  queueSetup: { kind: 'one-at-a-time', seeds: 1 },
  labMessage: null,
  renameRun: (id, name) => set((s) => ({ runs: patchRun(s.runs, id, { name: name.slice(0, 200) }) })),
  togglePin: (id) =>
    set((s) => ({ runs: patchRun(s.runs, id, { pinned: !s.runs.find((r) => r.id === id)?.pinned }) })),
  deleteRun: (id) => get().deleteRuns([id]),
  // The run in progress cannot be deleted: its record is still being written.
  deleteRuns: (ids) => {
    const gone = new Set(ids.filter((id) => id !== get().liveRunId));
    if (gone.size === 0) return;
    get().emptyTrash();
    set((s) => ({
      runs: s.runs.filter((r) => !gone.has(r.id)),
      trash: { runs: s.runs.filter((r) => gone.has(r.id)), until: Date.now() + UNDO_MS },
      selectedIds: s.selectedIds.filter((x) => !gone.has(x)),
      baselineId: s.baselineId !== null && gone.has(s.baselineId) ? null : s.baselineId,
    }));
    trashTimer = setTimeout(() => get().emptyTrash(), UNDO_MS);
  },
  undoDelete: () => {
    if (trashTimer) clearTimeout(trashTimer);
    trashTimer = null;
    set((s) => {
      if (!s.trash) return s;
      const known = new Set(s.runs.map((r) => r.id));
      const back = s.trash.runs.filter((r) => !known.has(r.id));
      return { runs: [...s.runs, ...back].sort((a, b) => a.createdAt - b.createdAt), trash: null };
    });
  },
  emptyTrash: () => {
    if (trashTimer) clearTimeout(trashTimer);
    trashTimer = null;
    if (get().trash) set({ trash: null });
  },
  setImportProgress: (importProgress) => set({ importProgress }),
  setBaseline: (id) => set({ baselineId: id }),
  toggleSelected: (id) =>
    set((s) => ({
      selectedIds: s.selectedIds.includes(id)
        ? s.selectedIds.filter((x) => x !== id)
        : [...s.selectedIds, id],
    })),
  setTarget: (target) => set({ target: Math.min(1, Math.max(0.01, target)) }),
  setQueueSetup: (patch) => set((s) => ({ queueSetup: { ...s.queueSetup, ...patch } })),
  setLabMessage: (labMessage) => set({ labMessage }),
  setSelected: (selectedIds) => set({ selectedIds }),
  addLiveRun: (rec) => set((s) => ({ runs: [...s.runs, rec], liveRunId: rec.id })),
  commitRun: (rec) =>
    set((s) => ({ runs: s.runs.map((r) => (r.id === rec.id ? rec : r)), runsVersion: s.runsVersion + 1 })),
  touchRuns: () => set((s) => ({ runsVersion: s.runsVersion + 1 })),
  endLiveRun: () => set({ liveRunId: null }),
  mergeSavedRuns: (saved) =>
    set((s) => {
      const ids = new Set(s.runs.map((r) => r.id));
      return { runs: [...saved.filter((r) => !ids.has(r.id)), ...s.runs], runsLoaded: true };
    }),
  applyStoredRuns: (stored, removed) =>
    set((s) => {
      const gone = new Set(removed.filter((id) => id !== s.liveRunId));
      const byId = new Map(stored.filter((r) => r.id !== s.liveRunId).map((r) => [r.id, r]));
      const kept = s.runs.filter((r) => !gone.has(r.id)).map((r) => byId.get(r.id) ?? r);
      const known = new Set(kept.map((r) => r.id));
      // A run this tab has in its trash stays there (Undo may still bring it back).
      const trashed = new Set(s.trash?.runs.map((r) => r.id) ?? []);
      return {
        runs: [...kept, ...[...byId.values()].filter((r) => !known.has(r.id) && !trashed.has(r.id))],
        trash: s.trash && { ...s.trash, runs: s.trash.runs.filter((r) => !gone.has(r.id)) },
        selectedIds: s.selectedIds.filter((x) => !gone.has(x)),
        baselineId: s.baselineId && gone.has(s.baselineId) ? null : s.baselineId,
      };
    }),
  adoptBaseline: (id) =>
    set((s) => ({
      baselineId: s.baselineId ?? (id && s.runs.some((r) => r.id === id) ? id : null),
    })),
  beginQueue: (queue) => set({ queue, queueActive: true, baselineId: null }),
  setQueueActive: (queueActive) => set({ queueActive }),
  patchQueueItem: (id, patch) => set((s) => ({ queue: setItem(s.queue, id, patch) })),
  cancelQueueItem: (id) => set((s) => ({ queue: cancelItem(s.queue, id) })),
  moveQueueItem: (id, dir) => set((s) => ({ queue: moveItem(s.queue, id, dir) })),
  clearQueue: () => set({ queue: [], queueActive: false }),
});
