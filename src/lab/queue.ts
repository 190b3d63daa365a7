// The ablation queue as data: items waiting, running, finished; cancel, reorder, progress and
// ETA. Pure: the runner in src/client/ decides when to start the next item.

import type { RunSettings } from '../shared/types';
import type { PlannedRun } from './plan';

export type QueueItemStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  id: string;
  label: string;
  settings: RunSettings;
  baseline: boolean;
  status: QueueItemStatus;
  /** The run record this item produced, once it started. */
  runId: string | null;
}

export function queueItems(plan: PlannedRun[], idPrefix: string): QueueItem[] {
  return plan.map((p, i) => ({
    id: `${idPrefix}-${i}`,
    label: p.label,
    settings: p.settings,
    baseline: p.baseline,
    status: 'queued',
    runId: null,
  }));
}

export const nextQueued = (items: QueueItem[]): QueueItem | null =>
  items.find((i) => i.status === 'queued') ?? null;

/** Only items that have not started can be cancelled. */
export function cancelItem(items: QueueItem[], id: string): QueueItem[] {
  return items.map((i) => (i.id === id && i.status === 'queued' ? { ...i, status: 'cancelled' } : i));
}

/**
 * Moves a waiting item one place up (−1) or down (+1) among the waiting items; started,
 * finished and cancelled items keep their places.
 */
export function moveItem(items: QueueItem[], id: string, dir: -1 | 1): QueueItem[] {
  const waiting = items.map((it, idx) => (it.status === 'queued' ? idx : -1)).filter((i) => i >= 0);
  const at = waiting.findIndex((idx) => items[idx].id === id);
  const to = at + dir;
  if (at < 0 || to < 0 || to >= waiting.length) return items;
  const out = [...items];
  [out[waiting[at]], out[waiting[to]]] = [out[waiting[to]], out[waiting[at]]];
  return out;
}

export function setItem(items: QueueItem[], id: string, patch: Partial<QueueItem>): QueueItem[] {
  return items.map((i) => (i.id === id ? { ...i, ...patch } : i));
}

export interface QueueProgress {
  done: number;
  /** Items that count: everything not cancelled. */
  total: number;
  /** 0…1, counting the running item's own progress. */
  fraction: number;
  /** Seconds left for the whole queue; null until there is something to estimate from. */
  etaS: number | null;
}

/**
 * Progress of the queue. The ETA is the running item's own ETA plus, for each waiting item, the
 * mean duration of the finished items (or, before any finished, the running item's estimated
 * total duration). Items differ (tanh vs ReLU cost the same; the paper preset costs more), so
 * this is a rough figure, refined as items finish.
 */
export function queueProgress(
  items: QueueItem[],
  running: { fraction: number; etaS: number; elapsedS: number } | null,
  finishedDurationsS: number[],
): QueueProgress {
  const live = items.filter((i) => i.status !== 'cancelled');
  const done = live.filter((i) => i.status === 'done' || i.status === 'failed').length;
  const waiting = live.filter((i) => i.status === 'queued').length;
  const runFrac = running ? Math.min(1, Math.max(0, running.fraction)) : 0;
  const total = live.length;
  const fraction = total === 0 ? 0 : (done + runFrac) / total;
  let perItem: number | null = null;
  if (finishedDurationsS.length > 0)
    perItem = finishedDurationsS.reduce((a, b) => a + b, 0) / finishedDurationsS.length;
  else if (running && running.fraction > 0) perItem = running.elapsedS + running.etaS;
  const etaS =
    perItem === null ? (waiting === 0 && !running ? 0 : null) : (running?.etaS ?? 0) + waiting * perItem;
  return { done, total, fraction, etaS };
}
