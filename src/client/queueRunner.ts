// Runs the ablation queue: starts the next waiting item when the Worker reports the previous run
// finished, one run at a time. The queue itself (items, cancel, reorder, ETA) is src/lab/queue.ts.

import { bridge } from './bridge';
import { labelNextRun, onRunFinished } from './recorder';
import { store, isRunActive } from '../store';
import { settingsOf } from '../store/configSlice';
import { expandPlan, type PlannedRun } from '../lab/plan';
import { nextQueued, queueItems } from '../lab/queue';

let runningItem: string | null = null;
let counter = 0;

const busy = () => isRunActive(store.getState());

/** Replaces the queue by the plan of the form (baseline = the page's current settings) and starts it. */
export function startQueue(): void {
  const s = store.getState();
  queuePlan(expandPlan(settingsOf(s), s.queueSetup.kind, s.queueSetup.seeds));
}

/** Replaces the queue by `plan` (a lesson's, or the form's) and starts it; false when a run is going. */
export function queuePlan(plan: PlannedRun[]): boolean {
  if (busy() || runningItem) return false;
  store.getState().beginQueue(queueItems(plan, `q${Date.now().toString(36)}${counter++}`));
  runNext();
  return true;
}

/** Starts the next waiting item, if the queue is active and nothing is training. */
export function runNext(): void {
  const s = store.getState();
  if (!s.queueActive || busy() || runningItem || !s.dataset) return;
  const item = nextQueued(s.queue);
  if (!item) {
    s.setQueueActive(false);
    return;
  }
  runningItem = item.id;
  s.patchQueueItem(item.id, { status: 'running' });
  labelNextRun(item.label);
  bridge.train(item.settings);
  // The recorder has just created the record: link it to the item.
  const runId = store.getState().liveRunId;
  s.patchQueueItem(item.id, { runId });
  if (item.baseline && !store.getState().baselineId) s.setBaseline(runId);
}

/** Stops the queue: the current run stops, waiting items stay for a later Resume. */
export function stopQueue(): void {
  store.getState().setQueueActive(false);
  if (runningItem) bridge.stop();
}

export function resumeQueue(): void {
  store.getState().setQueueActive(true);
  runNext();
}

export function cancelQueued(id: string): void {
  store.getState().cancelQueueItem(id);
}

export function moveQueued(id: string, dir: -1 | 1): void {
  store.getState().moveQueueItem(id, dir);
}

export function clearQueue(): void {
  if (runningItem) return;
  store.getState().clearQueue();
}

let started = false;
export function startQueueRunner(): void {
  if (started) return;
  started = true;
  onRunFinished((rec) => {
    if (!runningItem) return;
    const id = runningItem;
    runningItem = null;
    store.getState().patchQueueItem(id, { status: rec.status === 'error' ? 'failed' : 'done' });
    // The Worker posts its last run-state before clearing its own run: start on the next tick.
    setTimeout(runNext, 0);
  });
}
