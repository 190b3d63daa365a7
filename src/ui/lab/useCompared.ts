import { useDeferredValue } from 'react';
import { useApp } from '../../store';
import type { LabRun } from '../../lab/summary';

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
  // A Set: with thousands of runs, `includes` per run would be quadratic.
  const picked = new Set(selected);
  const runs = selected.length === 0 ? all : all.filter((r) => picked.has(r.id));
  const baseline =
    all.find((r) => r.id === baselineId) ??
    [...runs].reverse().find((r) => r.variant === 'baseline') ??
    runs[0] ??
    null;
  return { runs, baseline, target, version };
}
