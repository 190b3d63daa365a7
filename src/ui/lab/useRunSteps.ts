import { useEffect, useState } from 'react';
import type { StepColumns } from '../../lab/record';
import type { LabRun } from '../../lab/summary';
import { readSteps } from '../../client/runsDb';

/** Steps read for the charts, by run and version (a run that grew has a new digest). */
const cache = new Map<string, StepColumns>();
/** Enough for a few screens of charts; the oldest reads are dropped first. */
const CACHE_MAX = 64;

const keyOf = (r: LabRun) => `${r.id}:${r.digest.count}:${r.digest.lastSeconds}`;

/**
 * The per-step columns of `runs` (the ones a chart draws): those in memory at once, the others
 * read from IndexedDB, so only the runs on screen ever have their steps loaded. A run whose
 * steps are still being read is not in the map yet.
 */
export function useRunSteps(runs: readonly LabRun[]): Map<string, StepColumns> {
  const [, setLoaded] = useState(0);
  const missing = runs.filter((r) => !r.steps && !cache.has(keyOf(r)));
  const missingKey = missing.map(keyOf).join('|');
  useEffect(() => {
    if (missingKey === '') return;
    let live = true;
    void Promise.all(
      missing.map(async (r) => {
        const steps = await readSteps(r.id);
        cache.set(keyOf(r), steps);
        while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
      }),
    )
      .catch(() => {}) // A failed read leaves that run out of the chart; the list still shows it.
      .then(() => live && setLoaded((n) => n + 1));
    return () => {
      live = false;
    };
    // `missing` is rebuilt each render; its key says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missingKey]);
  const out = new Map<string, StepColumns>();
  for (const r of runs) {
    const s = r.steps ?? cache.get(keyOf(r));
    if (s) out.set(r.id, s);
  }
  return out;
}
