// Run records in IndexedDB (through `idb`, a small promise wrapper), so runs survive a reload.
// Subscribed to the store: a record whose object changed is saved, a record that left the list
// is deleted. The recorder replaces the live record by a copy at each epoch end and at the end,
// so a run is saved then, not at every step.

import { openDB, type IDBPDatabase } from 'idb';
import { store } from '../store';
import type { RunRecord } from '../lab/record';
import { checkRun } from '../lab/experiment';
import { InvalidInput } from '../lab/validate';
import { isQuotaError, MAKE_ROOM } from '../shared/storageErrors';
import { problem } from '../shared/problem';

const DB_NAME = 'alexnet-lab';
const STORE = 'runs';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return dbPromise;
}

function unsaved(err: unknown): void {
  store.getState().setLabMessage({
    kind: 'error',
    problem: isQuotaError(err)
      ? problem('storage.runsFull', { makeRoom: MAKE_ROOM })
      : problem('storage.runsFailed', { detail: err instanceof Error ? err.message : String(err) }),
  });
}

/** Loads the saved runs, then keeps the database in step with the store. Call once at start. */
export async function startRunPersistence(): Promise<void> {
  let saved: RunRecord[] = [];
  try {
    const raw: unknown[] = await (await db()).getAll(STORE);
    // Records from an older version (or damaged) are skipped, not allowed to break the page.
    for (const r of raw) {
      try {
        saved.push(checkRun(r));
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err;
      }
    }
    // A run that was training when the page closed ended there.
    saved = saved.map((r) => (r.status === 'training' ? { ...r, status: 'stopped' } : r));
    saved.sort((a, b) => a.createdAt - b.createdAt);
  } catch (err) {
    unsaved(err);
  }
  store.getState().mergeSavedRuns(saved);
  store.subscribe((next, prev) => {
    if (next.runs === prev.runs) return;
    const before = new Map(prev.runs.map((r) => [r.id, r]));
    const changed = next.runs.filter((r) => before.get(r.id) !== r);
    const nextIds = new Set(next.runs.map((r) => r.id));
    const removed = prev.runs.filter((r) => !nextIds.has(r.id)).map((r) => r.id);
    void write(changed, removed);
  });
}

async function write(changed: RunRecord[], removed: string[]): Promise<void> {
  try {
    const tx = (await db()).transaction(STORE, 'readwrite');
    await Promise.all([
      ...changed.map((r) => tx.store.put(r)),
      ...removed.map((id) => tx.store.delete(id)),
      tx.done,
    ]);
  } catch (err) {
    unsaved(err);
  }
}
