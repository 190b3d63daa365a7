// The page's side of the inspect views: remembers what is being looked at (the user's file stays
// here, not in the store) and sends requests through the bridge. The answers reach the store
// through the bridge's reducer, which keeps only the newest answer of each kind; what they set off
// (downloads, a fresh look after new weights) happens here, once startInspect() has been called.

import type { InspectSubject } from '../shared/inspect';
import { store, isRunActive, type AppState } from '../store';
import { bridge, type BridgeEvent } from './bridge';
import { downloadBlob } from './download';

let subject: InspectSubject | null = null;
let nextId = 1;

const modelArgs = () => {
  const s = store.getState();
  return { config: s.runSettings && isRunActive(s) ? s.runSettings.config : s.config, seed: s.seed };
};

function sendInspect(): void {
  if (!subject) return;
  const id = nextId++;
  store.getState().inspectRequested('inspect', id);
  bridge.inspect({ type: 'inspect', id, subject, ...modelArgs() });
}

/** Classify an image file of the user's (dropped, picked or pasted). */
export function inspectFile(file: File): void {
  subject = { kind: 'file', file, name: file.name || 'pasted image' };
  store.getState().setSubjectLabel(subject.name);
  sendInspect();
}

/** Look at test image `index` (its true label is shown too). */
export function inspectTestImage(index: number): void {
  subject = { kind: 'test', index };
  store.getState().setSubjectLabel(`#${index}`);
  sendInspect();
}

/** Recompute with the current weights (on demand, after an epoch, after a config change). */
export function refreshInspect(): void {
  sendInspect();
  if (store.getState().filters) requestFilters();
}

export function requestFilters(): void {
  const id = nextId++;
  store.getState().inspectRequested('filters', id);
  bridge.inspect({ type: 'filters', id, ...modelArgs() });
}

export function requestInsight(): void {
  const id = nextId++;
  store.getState().inspectRequested('insight', id);
  bridge.inspect({ type: 'test-insight', id, ...modelArgs(), data: store.getState().data });
}

export function saveModel(): void {
  store.getState().modelFileRequested();
  bridge.inspect({ type: 'save-model', ...modelArgs() });
}

export function loadModelFiles(files: File[]): void {
  if (files.length === 0) return;
  store.getState().modelFileRequested();
  bridge.inspect({ type: 'load-model', files });
}

function download(name: string, data: BlobPart, type: string): void {
  downloadBlob(name, new Blob([data], { type }));
}

function hear(e: BridgeEvent): void {
  if (e.type === 'model-saved') {
    download(e.jsonName, e.json, 'application/json');
    download(e.weightsName, e.weights, 'application/octet-stream');
  } else if (e.type === 'model-changed') {
    // New weights after an epoch, at the start and end of a run, or from a file.
    if (e.origin.source !== 'training' || e.origin.epochs > 0) refreshInspect();
  } else if (e.type === 'inspect-error' && e.what === 'filters') {
    console.warn('[worker]', e.problem);
  }
}

/** A new preset, toggle or seed (outside a run) means another model. */
const configChanged = (s: AppState, prev: AppState) =>
  (s.config !== prev.config || s.seed !== prev.seed) && !isRunActive(s);

let started = false;
/** Starts listening to the bridge and to config changes (once). */
export function startInspect(): void {
  if (started) return;
  started = true;
  bridge.on(hear);
  // Look again after a pause, so clicking through several toggles builds one model, not each in turn.
  let configTimer: ReturnType<typeof setTimeout> | null = null;
  store.subscribe((s, prev) => {
    if (!configChanged(s, prev)) return;
    if (configTimer) clearTimeout(configTimer);
    configTimer = setTimeout(() => {
      configTimer = null;
      refreshInspect();
    }, 400);
  });
}
