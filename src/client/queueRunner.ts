// Runs the ablation queue: starts the next waiting item when the Worker reports the previous run
// finished, one run at a time. The queue itself (items, cancel, reorder, ETA) is src/lab/queue.ts.

import { bridge } from './bridge';
import { labelNextRun, onRunFinished } from './recorder';
import { store } from '../store';
import { settingsOf } from '../store/configSlice';
import { expandPlan } from '../lab/plan';
import { cancelItem, moveItem, nextQueued, queueItems, setItem } from '../lab/queue';

let runningItem: string | null = null;
let counter = 0;

const busy = () => {
  const s = store.getState().runState;
  return s === 'training' || s === 'paused';
};

/** Replaces the queue by the plan of the form (baseline = the page's current settings) and starts it. */
export function startQueue(): void {
  if (busy() || runningItem) return;
  const s = store.getState();
  const plan = expandPlan(settingsOf(s), s.queueSetup.kind, s.queueSetup.seeds);
  store.setState({
    queue: queueItems(plan, `q${Date.now().toString(36)}${counter++}`),
    queueActive: true,
    baselineId: null,
  });
  runNext();
}

/** Starts the next waiting item, if the queue is active and nothing is training. */
export function runNext(): void {
  const s = store.getState();
  if (!s.queueActive || busy() || runningItem || !s.dataset) return;
  const item = nextQueued(s.queue);
  if (!item) {
    store.setState({ queueActive: false });
    return;
  }
  runningItem = item.id;
  store.setState({ queue: setItem(s.queue, item.id, { status: 'running' }) });
  labelNextRun(item.label);
  bridge.train(item.settings);
  // The recorder has just created the record: link it to the item.
  const runId = store.getState().liveRunId;
  store.setState((st) => ({ queue: setItem(st.queue, item.id, { runId }) }));
  if (item.baseline && !store.getState().baselineId) store.setState({ baselineId: runId });
}

/** Stops the queue: the current run stops, waiting items stay for a later Resume. */
export function stopQueue(): void {
  store.setState({ queueActive: false });
  if (runningItem) bridge.stop();
}

export function resumeQueue(): void {
  store.setState({ queueActive: true });
  runNext();
}

export function cancelQueued(id: string): void {
  store.setState((s) => ({ queue: cancelItem(s.queue, id) }));
}

export function moveQueued(id: string, dir: -1 | 1): void {
  store.setState((s) => ({ queue: moveItem(s.queue, id, dir) }));
}

export function clearQueue(): void {
  if (runningItem) return;
  store.setState({ queue: [], queueActive: false });
}

let started = false;
export function startQueueRunner(): void {
  if (started) return;
  started = true;
  onRunFinished((rec) => {
    if (!runningItem) return;
    const id = runningItem;
    runningItem = null;
    store.setState((s) => ({
      queue: setItem(s.queue, id, { status: rec.status === 'error' ? 'failed' : 'done' }),
    }));
    // The Worker posts its last run-state before clearing its own run: start on the next tick.
    setTimeout(runNext, 0);
  });
}
