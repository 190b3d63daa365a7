// The running run's latest checkpoint (weights + momentum after its last finished epoch) in the
// Worker's IndexedDB, so a reload, a closed tab or a crashed Worker does not lose the run.
// One checkpoint at a time: a new run replaces it; a run that ends (done or stopped) removes it.

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
const KEY = 'latest';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

/** Saves; a full quota or a blocked database throws, and the caller says so in plain words. */
export async function saveCheckpoint(saved: SavedCheckpoint): Promise<void> {
  await (await db()).put(STORE, saved, KEY);
}

/** The stored checkpoint, or null (none, or the database cannot be opened). */
export async function loadCheckpoint(): Promise<SavedCheckpoint | null> {
  try {
    const value = (await (await db()).get(STORE, KEY)) as SavedCheckpoint | undefined;
    return value && Array.isArray(value.checkpoint?.weights) ? value : null;
  } catch {
    return null;
  }
}

export async function clearCheckpoint(): Promise<void> {
  try {
    await (await db()).delete(STORE, KEY);
  } catch {
    // Nothing stored, or storage unavailable: nothing to clear.
  }
}
