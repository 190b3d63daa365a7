// Run records in IndexedDB (through `idb`, a small promise wrapper), so runs survive a reload.
// Subscribed to the store: a record whose object changed is saved, a record that left the list
// is deleted. The recorder replaces the live record by a copy at each epoch end and at the end,
// so a run is saved then, not at every step.
//
// Several tabs share the database. Each tells the others what it saved or deleted (a
// BroadcastChannel), so every list stays true; the tab training a run holds its Web Lock and only
// it writes that run; an edit never brings back a run another tab deleted; and when the database
// is deleted or upgraded under us the connection is closed and the page says saving stopped.

import { openDB, type IDBPDatabase } from 'idb';
import { store } from '../store';
import type { RunRecord } from '../lab/record';
import { checkRun } from '../lab/experiment';
import { InvalidInput } from '../lab/validate';
import { isQuotaError, MAKE_ROOM } from '../shared/storageErrors';
import { problem, type Problem } from '../shared/problem';

const DB_NAME = 'alexnet-lab';
const STORE = 'runs';
const CHANNEL = 'alexnet-lab-runs';
const LOCK_PREFIX = 'alexnet-lab-run:';

/** What a tab tells the others after a write: the ids it saved and the ids it deleted. */
interface RunsChange {
  saved: string[];
  removed: string[];
}

let dbPromise: Promise<IDBPDatabase> | null = null;
/** Set once the database was closed under us: nothing is saved from then on, and the page says so. */
let closed = false;
let channel: BroadcastChannel | null = null;
/** True while the store takes in another tab's change: already saved, not this tab's to write. */
let takingIn = false;
/** Runs this tab trains, with the release of their Web Lock. */
const owned = new Map<string, () => void>();

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'id' });
    },
    // Site data being cleared, or another tab upgrading: let go, rather than write into nothing.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      lost();
    },
    terminated: () => lost(),
  });
  return dbPromise;
}

function say(p: Problem): void {
  store.getState().setLabMessage({ kind: 'error', problem: p });
}

function lost(): void {
  closed = true;
  say(problem('storage.runsClosed'));
}

function unsaved(err: unknown): void {
  say(
    isQuotaError(err)
      ? problem('storage.runsFull', { makeRoom: MAKE_ROOM })
      : problem('storage.runsFailed', { detail: err instanceof Error ? err.message : String(err) }),
  );
}

const locks = (): LockManager | undefined =>
  typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;

/** This tab trains run `id`: it holds the run's lock, so other tabs leave the record alone. */
export function holdRun(id: string): void {
  let release: () => void = () => {};
  let released = false;
  owned.set(id, () => {
    released = true;
    release();
  });
  void locks()?.request(LOCK_PREFIX + id, () =>
    released ? undefined : new Promise<void>((resolve) => (release = resolve)),
  );
}

export function releaseRun(id: string): void {
  owned.get(id)?.();
  owned.delete(id);
}

/** Of `ids`, the runs another tab holds the lock of (it is training them). */
async function heldElsewhere(ids: string[]): Promise<Set<string>> {
  const mine = ids.filter((id) => !owned.has(id));
  const l = locks();
  if (!l || mine.length === 0) return new Set();
  const names = new Set(((await l.query()).held ?? []).map((h) => h.name));
  return new Set(mine.filter((id) => names.has(LOCK_PREFIX + id)));
}

/** The stored records of `ids` that are valid; missing or damaged ones are left out. */
async function readRuns(ids: string[]): Promise<RunRecord[]> {
  const d = await db();
  const out: RunRecord[] = [];
  for (const raw of await Promise.all(ids.map((id) => d.get(STORE, id) as Promise<unknown>))) {
    try {
      if (raw !== undefined) out.push(checkRun(raw));
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
    }
  }
  return out;
}

/** Makes the list show what is stored for `ids` (and drop `removed`), without writing it back. */
async function takeIn(ids: string[], removed: string[]): Promise<void> {
  if (closed) return;
  try {
    const stored = await readRuns(ids);
    const found = new Set(stored.map((r) => r.id));
    takingIn = true;
    try {
      store.getState().applyStoredRuns(stored, [...removed, ...ids.filter((id) => !found.has(id))]);
    } finally {
      takingIn = false;
    }
  } catch (err) {
    unsaved(err);
  }
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
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<RunsChange>) => void takeIn(e.data.saved, e.data.removed);
  }
  store.subscribe((next, prev) => {
    if (next.runs === prev.runs || takingIn) return;
    const before = new Map(prev.runs.map((r) => [r.id, r]));
    const changed = next.runs.filter((r) => before.get(r.id) !== r);
    const edited = new Set(changed.filter((r) => before.has(r.id)).map((r) => r.id));
    const nextIds = new Set(next.runs.map((r) => r.id));
    const removed = prev.runs.filter((r) => !nextIds.has(r.id)).map((r) => r.id);
    void write(changed, removed, edited);
  });
}

/** Saves `changed` and deletes `removed`; `edited`: ids that were stored before (not new here). */
async function write(changed: RunRecord[], removed: string[], edited: Set<string>): Promise<void> {
  if (closed) {
    lost();
    return;
  }
  try {
    // A run another tab is training is written by that tab only: this tab's edit is undone.
    const busy = await heldElsewhere([...changed.map((r) => r.id), ...removed]);
    const d = await db();
    const tx = d.transaction(STORE, 'readwrite');
    const gone: string[] = [];
    const puts = changed
      .filter((r) => !busy.has(r.id))
      .map(async (r) => {
        // Deleted by another tab since this one loaded it: it stays deleted.
        if (edited.has(r.id) && (await tx.store.getKey(r.id)) === undefined) gone.push(r.id);
        else await tx.store.put(r);
      });
    const deletes = removed.filter((id) => !busy.has(id)).map((id) => tx.store.delete(id));
    await Promise.all([...puts, ...deletes, tx.done]);
    const saved = changed.map((r) => r.id).filter((id) => !busy.has(id) && !gone.includes(id));
    channel?.postMessage({ saved, removed: removed.filter((id) => !busy.has(id)) } satisfies RunsChange);
    if (gone.length > 0) await takeIn([], gone);
    if (busy.size > 0) {
      await takeIn([...busy], []);
      say(problem('storage.runBusy'));
    }
  } catch (err) {
    if (!closed) unsaved(err);
  }
}
