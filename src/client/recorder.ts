// Turns the run in progress into a run record as it trains: created when a run starts, steps and
// evaluations appended as the Worker reports them, saved (by runsDb, via a new object in the
// store) at each epoch end and when the run ends. Listens to the bridge; touches no Worker.

import { bridge, type BridgeEvent } from './bridge';
import { holdRun, releaseRun } from './runsDb';
import { store } from '../store';
import { en } from '../ui/i18n/en';
import { wordProblem } from '../ui/i18n/render';
import { appendEval, appendSteps, createRecord, finishRecord, newRunId, type RunRecord } from '../lab/record';
import { digestSteps, type LabRun } from '../lab/summary';

/** Redraws of the growing record are batched: steps can come many times a second. */
const REDRAW_MS = 500;

let live: RunRecord | null = null;
let nextVariant: string | null = null;
let redrawTimer: ReturnType<typeof setTimeout> | null = null;
const finished = new Set<(rec: RunRecord) => void>();

/** The queue runner names the variant of the run it is about to start. */
export function labelNextRun(variant: string | null): void {
  nextVariant = variant;
}

/** Hears each finished (done, stopped or failed) run's record. */
export function onRunFinished(listener: (rec: RunRecord) => void): () => void {
  finished.add(listener);
  return () => finished.delete(listener);
}

/**
 * The live record as the lab holds it: its summary, sharing the steps and evaluations that keep
 * growing in place (so a paused chart draws them as they are).
 */
const asLab = (rec: RunRecord): LabRun => ({ ...rec, digest: digestSteps(rec.steps) });

/** Puts a copy of the live record in the store: a new object is what runsDb saves. */
function commitLive(): void {
  if (!live) return;
  const copy: RunRecord = { ...live };
  live = copy;
  store.getState().commitRun(asLab(copy));
}

function scheduleRedraw(): void {
  redrawTimer ??= setTimeout(() => {
    redrawTimer = null;
    store.getState().touchRuns();
  }, REDRAW_MS);
}

function receive(e: BridgeEvent): void {
  switch (e.type) {
    case 'started': {
      const b = store.getState().backend;
      const rec = createRecord(e.settings, {
        id: newRunId(Date.now()),
        now: Date.now(),
        backend: b ? `${b.name} · ${b.adapter}` : 'unknown',
        variant: nextVariant,
      });
      nextVariant = null;
      live = rec;
      holdRun(rec.id);
      store.getState().addLiveRun(asLab(rec));
      break;
    }
    case 'step':
      if (!live) return;
      appendSteps(live, [e.metrics]);
      scheduleRedraw();
      break;
    case 'eval':
      if (!live) return;
      appendEval(live, e.metrics);
      if (e.metrics.kind === 'epoch') commitLive();
      else scheduleRedraw();
      break;
    case 'run-state': {
      if (!live || (e.state !== 'done' && e.state !== 'error')) return;
      // The record is a file people share: its note is worded in English, as the CLI's are.
      finishRecord(live, e.state, e.problem ? wordProblem(en, e.problem) : null, Date.now());
      commitLive();
      const rec = live;
      live = null;
      store.getState().endLiveRun();
      releaseRun(rec.id);
      finished.forEach((l) => l(rec));
      break;
    }
  }
}

let started = false;
/** Starts recording (once). */
export function startRecorder(): void {
  if (started) return;
  started = true;
  bridge.on(receive);
}
