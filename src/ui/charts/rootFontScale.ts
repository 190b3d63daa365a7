import { useSyncExternalStore } from 'react';
import { rootFontScale } from './scaleAxes';

// One watcher for every chart: projector mode toggles a class on <html>. The computed font size is
// read once per change for all charts: a getComputedStyle per chart per change of <html>'s
// attributes forced a whole-page style recalculation each (long tasks of 50-80 ms, issue #7).

const listeners = new Set<() => void>();
let current = 1;
let watch: MutationObserver | null = null;

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    current = rootFontScale();
    watch = new MutationObserver(() => {
      const next = rootFontScale();
      if (next === current) return;
      current = next;
      listeners.forEach((l) => l());
    });
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      watch?.disconnect();
      watch = null;
    }
  };
}

function snapshot(): number {
  return listeners.size > 0 ? current : rootFontScale();
}

/** The root font scale, followed as projector mode changes it (canvas text does not follow CSS). */
export function useRootFontScale(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
