import { useDeferredValue } from 'react';
import { useApp } from '../../store';
import type { LabRun } from '../../lab/summary';
import { runsMemo } from './runsMemo';

// A Set: with thousands of runs, `includes` per run would be quadratic.
const pick = runsMemo((all: LabRun[], selected: string[]) => {
  const picked = new Set(selected);
  return selected.length === 0 ? all : all.filter((r) => picked.has(r.id));
});

/**
 * The runs in the compare view (the ticked ones, or all), and the baseline: the one picked, else
 * the latest run labelled "baseline" by a queue, else the oldest run. Deferred: with thousands of
 * runs, the views that summarise them all re-render in the background, in slices React can
 * interrupt, instead of in one long task (issue #18: no task over 50 ms).
 */
export function useCompared(): {
  runs: LabRun[];
  baseline: LabRun | null;
  target: number;
  version: number;
} {
  const all = useDeferredValue(useApp((s) => s.runs));
  const selected = useDeferredValue(useApp((s) => s.selectedIds));
  const baselineId = useApp((s) => s.baselineId);
  const target = useApp((s) => s.target);
  const version = useDeferredValue(useApp((s) => s.runsVersion));
  const runs = pick(all, selected);
  const baseline =
    all.find((r) => r.id === baselineId) ?? runs.findLast((r) => r.variant === 'baseline') ?? runs[0] ?? null;
  return { runs, baseline, target, version };
}
