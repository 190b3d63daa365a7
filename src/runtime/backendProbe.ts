// Backend choice by measurement: a short, representative training workload timed on each
// candidate backend, the fastest kept. Figures are cached per adapter in IndexedDB (a Worker has
// no localStorage), so later visits start at once.
//
// Workload: one 5×5 convolution 64→64 on [8, 16, 16, 64] (CIFAR-AlexNet conv2-like), forward +
// weight gradient + input gradient, read back — the kernels that dominate a training step
// (`npm run bench`'s profiles: Conv2D, Conv2DBackpropFilter and …Input take most of a wasm step).
// One warm-up (shader compilation, XNNPACK set-up), then the best of two timed runs.

import * as tf from '@tensorflow/tfjs-core';
import type { BackendFigure, BackendName } from '../shared/protocol';

/** Milliseconds for one probe step on the current backend (best of two after a warm-up). */
export async function timeProbeStep(): Promise<number> {
  const x = tf.randomNormal([8, 16, 16, 64], 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal([5, 5, 64, 64], 0, 0.05, 'float32', 2) as tf.Tensor4D;
  const dy = tf.randomNormal([8, 16, 16, 64], 0, 1, 'float32', 3) as tf.Tensor4D;
  const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'), dy)),
  );
  const once = async () => {
    const t0 = performance.now();
    const [gx, gw] = g([x, w]);
    await Promise.all([gx.data(), gw.data()]);
    tf.dispose([gx, gw]);
    return performance.now() - t0;
  };
  try {
    await once();
    return Math.min(await once(), await once());
  } finally {
    tf.dispose([x, w, dy]);
  }
}

/** Picks the fastest measured figure; null when none was measured. Pure. */
export function fastest(figures: BackendFigure[]): BackendName | null {
  let best: BackendFigure | null = null;
  for (const f of figures) if (f.ms !== null && (best === null || f.ms < (best.ms as number))) best = f;
  return best?.backend ?? null;
}

// A database of its own: sharing the runs' database ('alexnet-lab') at its version 1 meant
// whichever opened it first created only its own store, and the runs' upgrade to version 2
// would have refused this one (VersionError) from then on.
const DB = 'alexnet-lab-backend';
const STORE = 'backend-probe';

function openDb(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

/** The value cached under `key` (probe figures, self-test reports), or null; never throws. */
export async function readCached(key: string): Promise<unknown> {
  const db = await openDb().catch(() => null);
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const req = db.transaction(STORE).objectStore(STORE).get(key);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  }).finally(() => db.close());
}

/** Stores (or, with undefined, deletes) `key`; failures (private mode, quota) are ignored: the cache is optional. */
export async function writeCached(key: string, value: unknown): Promise<void> {
  const db = await openDb().catch(() => null);
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(STORE, 'readwrite');
      if (value === undefined) tx.objectStore(STORE).delete(key);
      else tx.objectStore(STORE).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    } catch {
      resolve();
    }
  });
  db.close();
}

/** Cached figures for `key` (adapter + library version), or null; never throws. */
export async function readCachedFigures(key: string): Promise<BackendFigure[] | null> {
  const value = await readCached(key);
  return Array.isArray(value) ? (value as BackendFigure[]) : null;
}

export function writeCachedFigures(key: string, figures: BackendFigure[]): Promise<void> {
  return writeCached(key, figures);
}
