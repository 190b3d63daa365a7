// Run records in IndexedDB (through `idb`, a small promise wrapper), so runs survive a reload.
// Subscribed to the store: a record whose object changed is saved, a record that left the list
// (and the trash, once Undo is no longer offered) is deleted. The recorder replaces the live
// record by a copy at each epoch end and at the end, so a run is saved then, not at every step.
//
// Each run is two records (src/lab/storedRuns.ts): its summary, which start-up reads for every
// run (in a Worker, worker/readRuns.ts, which also checks them), and its steps, read only for the
// runs a chart draws (`readSteps`).
//
// Several tabs share the database. Each tells the others what it saved or deleted (a
// BroadcastChannel), so every list stays true; the tab training a run holds its Web Lock and only
// it writes that run; an edit never brings back a run another tab deleted; and when the database
// is deleted or upgraded under us the connection is closed and the page says saving stopped.

import { openDB, type IDBPDatabase } from 'idb';
import { store } from '../store';
import { emptySteps, type RunRecord, type StepColumns } from '../lab/record';
import { joinRun, stripSteps, type LabRun, type RunHead } from '../lab/summary';
import {
  RUNS_DB,
  RUNS_DB_VERSION,
  RUNS_STORE,
  STEPS_STORE,
  checkedHeads,
  splitV1,
  type ReadReport,
  type StoredSteps,
} from '../lab/storedRuns';
import { summarize } from '../lab/stats';
import { variantKey } from '../lab/plan';
import { isQuotaError, MAKE_ROOM } from '../shared/storageErrors';
import { problem, type Problem } from '../shared/problem';

const CHANNEL = 'alexnet-lab-runs';
const LOCK_PREFIX = 'alexnet-lab-run:';
/** Summaries read per request at start: each page is one short task, not one long one. */
const READ_PAGE = 250;

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
  dbPromise ??= openDB(RUNS_DB, RUNS_DB_VERSION, {
    async upgrade(d, oldVersion, _newVersion, tx) {
      // Version 1 may lack the runs store: the backend probe once shared this database.
      if (!d.objectStoreNames.contains(RUNS_STORE)) d.createObjectStore(RUNS_STORE, { keyPath: 'id' });
      if (oldVersion < 2) {
        if (d.objectStoreNames.contains('backend-probe')) d.deleteObjectStore('backend-probe');
        d.createObjectStore(STEPS_STORE, { keyPath: 'id' });
        // Version 1 records carry their steps: split each into a summary and its steps.
        const steps = tx.objectStore(STEPS_STORE);
        let cursor = await tx.objectStore(RUNS_STORE).openCursor();
        while (cursor) {
          const split = splitV1(cursor.value);
          if (split) {
            await steps.put(split.steps);
            await cursor.update(split.head);
          }
          cursor = await cursor.continue();
        }
      }
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

/** Opens (and if need be migrates) the database; the import Worker then finds it ready. */
export async function openRunsDb(): Promise<void> {
  if (closed) throw new Error('closed');
  await db();
}

function say(p: Problem): void {
  store.getState().setLabMessage({ kind: 'error', problems: [p] });
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

/** The stored summaries of `ids` that are valid; missing or damaged ones are left out. */
async function readHeads(ids: string[]): Promise<RunHead[]> {
  const d = await db();
  const raw = await Promise.all(ids.map((id) => d.get(RUNS_STORE, id) as Promise<unknown>));
  return checkedHeads(raw.filter((r) => r !== undefined));
}

/** The stored steps of run `id`; empty columns when there are none (or they are damaged). */
export async function readSteps(id: string): Promise<StepColumns> {
  const rec = (await (await db()).get(STEPS_STORE, id)) as StoredSteps | undefined;
  return rec?.steps ?? emptySteps();
}

/** Full records (summary and steps) of `runs`, for exports; steps in memory are used as they are. */
export async function readRecords(runs: LabRun[]): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  for (const r of runs) out.push(joinRun(stripSteps(r), r.steps ?? (await readSteps(r.id))));
  return out;
}

/** Makes the list show what is stored for `ids` (and drop `removed`), without writing it back. */
async function takeIn(ids: string[], removed: string[]): Promise<void> {
  if (closed) return;
  try {
    const stored = await readHeads(ids);
    const found = new Set(stored.map((r) => r.id));
    adopt(stored, [...removed, ...ids.filter((id) => !found.has(id))]);
  } catch (err) {
    unsaved(err);
  }
}

function adopt(stored: RunHead[], removed: string[]): void {
  takingIn = true;
  try {
    store.getState().applyStoredRuns(stored, removed);
  } finally {
    takingIn = false;
  }
}

/** Runs another writer (the import Worker) has just stored: the list shows them, other tabs hear. */
export function adoptStored(heads: RunHead[]): void {
  adopt(heads, []);
  channel?.postMessage({ saved: heads.map((h) => h.id), removed: [] } satisfies RunsChange);
}

/**
 * Summarises and keys `heads` now (stats and plan keep each), a page or an import chunk at a time,
 * so the first render of the results table, the lessons and the scorecard over thousands of new
 * runs is not one long task.
 */
export function warm(heads: readonly RunHead[]): void {
  const target = store.getState().target;
  for (const h of heads) {
    summarize(h, target);
    variantKey(h.settings);
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every stored summary, read and checked by the start-up reader (worker/readRuns.ts) off the
 * page's thread; on the page, a page of records at a time, where no Worker can do it.
 */
async function readAllHeads(): Promise<RunHead[]> {
  // The reader's script loads while the page opens (and migrates) the database; it reads only
  // once that is done, so it finds the database as this page expects it.
  const reader = typeof Worker !== 'undefined' ? startReader() : null;
  try {
    await db();
  } catch (err) {
    reader?.stop();
    throw err;
  }
  return (reader && (await reader.read())) || (await readHere());
}

/**
 * Starts the reader Worker; `read` asks it for the summaries, which it sends a chunk per
 * message, and resolves with them all (null if it failed: the page then reads them itself).
 */
function startReader(): { read(): Promise<RunHead[] | null>; stop(): void } | null {
  let w: Worker;
  try {
    w = new Worker(new URL('../worker/readRuns.ts', import.meta.url), { type: 'module', name: 'read-runs' });
  } catch {
    return null;
  }
  const out: RunHead[] = [];
  const result = new Promise<RunHead[] | null>((resolve) => {
    const end = (heads: RunHead[] | null) => {
      w.terminate();
      resolve(heads);
    };
    // Set at once: a script that fails to load says so before `read` is called.
    w.onerror = () => end(null);
    w.onmessageerror = () => end(null);
    w.onmessage = (e: MessageEvent<ReadReport>) => {
      const r = e.data;
      if (r.type === 'heads') {
        warm(r.heads);
        for (const h of r.heads) out.push(h);
      } else end(r.type === 'done' ? out : null);
    };
  });
  return {
    read: () => {
      w.postMessage('read');
      return result;
    },
    stop: () => w.terminate(),
  };
}

/** Every stored summary, read on the page a page at a time, so no read or check holds it for long. */
async function readHere(): Promise<RunHead[]> {
  const d = await db();
  const out: RunHead[] = [];
  let after: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const raw = (await d.getAll(RUNS_STORE, range, READ_PAGE)) as { id?: IDBValidKey }[];
    const heads = checkedHeads(raw);
    warm(heads);
    out.push(...heads);
    if (raw.length < READ_PAGE) return out;
    after = raw[raw.length - 1].id ?? null;
    await nextTask();
  }
}

/** Loads the saved runs, then keeps the database in step with the store. Call once at start. */
export async function startRunPersistence(): Promise<void> {
  let saved: RunHead[] = [];
  try {
    saved = await readAllHeads();
    // A run that was training when the page closed ended there (checkHead says `stopped`).
    saved.sort((a, b) => a.createdAt - b.createdAt);
  } catch (err) {
    unsaved(err);
  }
  store.getState().mergeSavedRuns(saved);
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<RunsChange>) => void takeIn(e.data.saved, e.data.removed);
  }
  // Leaving the page ends the time to undo: the trashed runs are deleted, not brought back.
  addEventListener('pagehide', () => store.getState().emptyTrash());
  store.subscribe((next, prev) => {
    if ((next.runs === prev.runs && next.trash === prev.trash) || takingIn) return;
    const trashedBefore = new Set(prev.trash?.runs.map((r) => r.id) ?? []);
    const trashed = new Set(next.trash?.runs.map((r) => r.id) ?? []);
    const before = new Map(prev.runs.map((r) => [r.id, r]));
    // A run back from the trash was never deleted from the database: nothing to write.
    const changed = next.runs.filter((r) => before.get(r.id) !== r && !trashedBefore.has(r.id));
    const edited = new Set(changed.filter((r) => before.has(r.id)).map((r) => r.id));
    const nextIds = new Set(next.runs.map((r) => r.id));
    const removed = [...prev.runs.map((r) => r.id), ...trashedBefore].filter(
      (id) => !nextIds.has(id) && !trashed.has(id),
    );
    if (changed.length > 0 || removed.length > 0) void write(changed, removed, edited);
  });
}

/** Saves `changed` and deletes `removed`; `edited`: ids that were stored before (not new here). */
async function write(changed: LabRun[], removed: string[], edited: Set<string>): Promise<void> {
  if (closed) {
    lost();
    return;
  }
  try {
    // A run another tab is training is written by that tab only: this tab's edit is undone.
    const busy = await heldElsewhere([...changed.map((r) => r.id), ...removed]);
    const d = await db();
    const tx = d.transaction([RUNS_STORE, STEPS_STORE], 'readwrite');
    const runs = tx.objectStore(RUNS_STORE);
    const steps = tx.objectStore(STEPS_STORE);
    const gone: string[] = [];
    const puts = changed
      .filter((r) => !busy.has(r.id))
      .map(async (r) => {
        // Deleted by another tab since this one loaded it: it stays deleted.
        if (edited.has(r.id) && (await runs.getKey(r.id)) === undefined) gone.push(r.id);
        else {
          // Only runs with their steps in memory (trained here) write them; edits write the summary.
          await Promise.all([
            runs.put(stripSteps(r)),
            r.steps ? steps.put({ id: r.id, steps: r.steps } satisfies StoredSteps) : undefined,
          ]);
        }
      });
    const deletes = removed
      .filter((id) => !busy.has(id))
      .flatMap((id) => [runs.delete(id), steps.delete(id)]);
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
