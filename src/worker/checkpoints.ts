// Each run's latest checkpoint (weights + momentum after its last finished epoch, or at most a
// minute of training apart) in the Worker's IndexedDB, so a reload, a closed tab or a crashed
// Worker does not lose the run. Every run has its own record, so tabs never clear each other's;
// the Worker training a run holds the run's Web Lock, so no other tab offers or resumes it.
// A run that ends (done or stopped) removes its record.

import { openDB, type IDBPDatabase } from 'idb';
import type { RunSettings } from '../shared/types';
import type { TrainCheckpoint } from '../train/trainer';

/** What is stored: the checkpoint, the settings to resume it with and the data it trained on. */
export interface SavedCheckpoint {
  settings: RunSettings;
  checkpoint: TrainCheckpoint;
  /** Training/test image counts of the dataset: resuming on other data would be another run. */
  trainCount: number;
  testCount: number;
  savedAt: number;
}

const DB_NAME = 'alexnet-lab-checkpoints';
const STORE = 'checkpoints';
const LOCK_PREFIX = 'alexnet-lab-checkpoint:';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
    // Site data cleared or another tab upgrading: close; the next save opens it afresh.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      dbPromise = null;
    },
    terminated() {
      dbPromise = null;
    },
  });
  return dbPromise;
}

/** The record this Worker's run writes, and the release of its lock. */
let active: { key: string; release: () => void } | null = null;
/** The interrupted run this Worker offered to resume (loadCheckpoint), if any. */
let offered: string | null = null;

const locks = (): LockManager | undefined => ('locks' in navigator ? navigator.locks : undefined);

/** Takes run `key`'s lock if no one holds it: its release, or null when another tab has it. */
function claim(key: string): Promise<(() => void) | null> {
  const l = locks();
  if (!l) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    void l.request(LOCK_PREFIX + key, { ifAvailable: true }, (lock) => {
      if (!lock) return resolve(null);
      return new Promise<void>((release) => resolve(release));
    });
  });
}

/** Of stored checkpoints, the newest that no running tab holds (the one to offer), or null. */
export function pickResumable(
  stored: { key: string; savedAt: number }[],
  heldNames: Set<string>,
): string | null {
  const free = stored.filter((s) => !heldNames.has(LOCK_PREFIX + s.key));
  free.sort((a, b) => b.savedAt - a.savedAt);
  return free[0]?.key ?? null;
}

async function heldLockNames(): Promise<Set<string>> {
  const l = locks();
  return new Set(l ? ((await l.query()).held ?? []).map((h) => h.name ?? '') : []);
}

/**
 * The checkpoint to offer after a reload or crash: the newest one whose run no tab is training,
 * or null (none, or the database cannot be opened).
 */
export async function loadCheckpoint(): Promise<SavedCheckpoint | null> {
  try {
    const tx = (await db()).transaction(STORE);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    const stored = keys
      .map((k, i) => ({ key: String(k), value: values[i] as SavedCheckpoint | undefined }))
      .filter((s) => s.value && Array.isArray(s.value.checkpoint?.weights));
    offered = pickResumable(
      stored.map((s) => ({ key: s.key, savedAt: s.value!.savedAt })),
      await heldLockNames(),
    );
    return stored.find((s) => s.key === offered)?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * A run starts: a fresh record for it, or with `resume` the offered one. Returns the checkpoint to
 * resume from (null for a fresh run, or when the offered one is gone), or 'busy' when another tab
 * resumed it first.
 */
export async function beginRun(resume: boolean): Promise<SavedCheckpoint | null | 'busy'> {
  endRun();
  const key = resume && offered ? offered : crypto.randomUUID();
  const release = await claim(key);
  if (!release) return 'busy';
  active = { key, release };
  if (!resume) return null;
  try {
    const value = (await (await db()).get(STORE, key)) as SavedCheckpoint | undefined;
    return value && Array.isArray(value.checkpoint?.weights) ? value : null;
  } catch {
    return null;
  }
}

/** Saves the running run's checkpoint; a full quota or a blocked database throws, and the caller says so. */
export async function saveCheckpoint(saved: SavedCheckpoint): Promise<void> {
  const key = active?.key;
  if (!key) return;
  await (await db()).put(STORE, saved, key);
}

/** The run ended (done or stopped): its checkpoint goes, and so does its lock. */
export async function clearCheckpoint(): Promise<void> {
  const key = active?.key;
  endRun();
  if (key) await remove(key);
}

/** Lets go of the running run's lock (its checkpoint stays, e.g. after a failure). */
export function endRun(): void {
  active?.release();
  active = null;
}

/** Forgets the offered interrupted run's checkpoint, unless another tab is training it now. */
export async function discardOffered(): Promise<void> {
  const key = offered;
  offered = null;
  if (!key) return;
  const release = await claim(key);
  if (!release) return;
  await remove(key);
  release();
}

async function remove(key: string): Promise<void> {
  try {
    await (await db()).delete(STORE, key);
  } catch {
    // Nothing stored, or storage unavailable: nothing to clear.
  }
}
