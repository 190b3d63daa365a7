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

/**
 * Takes run `key`'s lock, waiting up to `waitMs` for a holder to let go: its release, or null
 * when another tab keeps it.
 */
function claim(key: string, waitMs = 0): Promise<(() => void) | null> {
  const l = locks();
  if (!l) return Promise.resolve(() => {});
  return new Promise((resolve) => {
    const granted = (lock: Lock | null) => {
      if (!lock) return resolve(null);
      return new Promise<void>((release) => resolve(release));
    };
    const asked =
      waitMs > 0
        ? l.request(LOCK_PREFIX + key, { signal: AbortSignal.timeout(waitMs) }, granted)
        : l.request(LOCK_PREFIX + key, { ifAvailable: true }, granted);
    asked.catch(() => resolve(null));
  });
}

/**
 * After a reload the old Worker's lock can outlive it by a moment: a run still held after this
 * long is training in another tab.
 */
const HOLDER_GONE_MS = 3000;

/**
 * The checkpoint to offer after a reload or crash: the newest one whose run no tab is training,
 * or null (none, or the database cannot be opened).
 */
export async function loadCheckpoint(): Promise<SavedCheckpoint | null> {
  offered = null;
  try {
    const tx = (await db()).transaction(STORE);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    const stored = keys
      .map((k, i) => ({ key: String(k), value: values[i] as SavedCheckpoint | undefined }))
      .filter((s) => s.value && Array.isArray(s.value.checkpoint?.weights))
      .sort((a, b) => b.value!.savedAt - a.value!.savedAt);
    const deadline = performance.now() + HOLDER_GONE_MS;
    for (const s of stored) {
      const release = await claim(s.key, Math.max(0, deadline - performance.now()));
      if (!release) continue;
      release();
      offered = s.key;
      return s.value!;
    }
    return null;
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
