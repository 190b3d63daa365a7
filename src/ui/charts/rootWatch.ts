import { useSyncExternalStore } from 'react';

// One watcher per <html> attribute for every chart. A getComputedStyle per chart per change of
// <html>'s attributes forced a whole-page style recalculation each (long tasks of 50-80 ms,
// issue #7), so the value is read once per change and shared.

/** A hook that follows `read()` whenever `attribute` of <html> changes; `same` keeps it stable. */
export function rootWatch<T>(attribute: string, read: () => T, same: (a: T, b: T) => boolean): () => T {
  const listeners = new Set<() => void>();
  let current: T | undefined;
  let watch: MutationObserver | null = null;

  // The snapshot must stay the same object while nothing changed (useSyncExternalStore's rule).
  const refresh = (): boolean => {
    const next = read();
    if (current !== undefined && same(next, current)) return false;
    current = next;
    return true;
  };

  const subscribe = (listener: () => void): (() => void) => {
    if (listeners.size === 0) {
      refresh();
      watch = new MutationObserver(() => {
        if (refresh()) listeners.forEach((l) => l());
      });
      watch.observe(document.documentElement, { attributes: true, attributeFilter: [attribute] });
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        watch?.disconnect();
        watch = null;
      }
    };
  };

  const snapshot = (): T => {
    if (listeners.size === 0) refresh();
    return current as T;
  };

  return () => useSyncExternalStore(subscribe, snapshot);
}
