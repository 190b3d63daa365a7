// The page's side of the inspect views: remembers what is being looked at (the user's file stays
// here, not in the store), sends requests through the bridge, and writes the answers into the
// store. Only the newest answer to each kind of request is kept, so a slow old one never wins.

import type { InspectFromWorker, InspectSubject } from '../shared/inspect';
import { store } from '../store';
import { bridge } from './bridge';
import { downloadBlob } from './download';

let subject: InspectSubject | null = null;
let nextId = 1;
let inspectId = 0;
let filtersId = 0;
let insightId = 0;

const modelArgs = () => {
  const s = store.getState();
  return { config: s.runSettings && isRunning() ? s.runSettings.config : s.config, seed: s.seed };
};
const isRunning = () => ['training', 'paused'].includes(store.getState().runState);

function sendInspect(): void {
  if (!subject) return;
  inspectId = nextId++;
  store.setState({ inspectBusy: true, inspectError: null });
  bridge.inspect({ type: 'inspect', id: inspectId, subject, ...modelArgs() });
}

/** Classify an image file of the user's (dropped, picked or pasted). */
export function inspectFile(file: File): void {
  subject = { kind: 'file', file, name: file.name || 'pasted image' };
  store.setState({ subjectLabel: subject.name });
  sendInspect();
}

/** Look at test image `index` (its true label is shown too). */
export function inspectTestImage(index: number): void {
  subject = { kind: 'test', index };
  store.setState({ subjectLabel: `#${index}` });
  sendInspect();
}

/** Recompute with the current weights (on demand, after an epoch, after a config change). */
export function refreshInspect(): void {
  sendInspect();
  if (store.getState().filters) requestFilters();
}

export function requestFilters(): void {
  filtersId = nextId++;
  bridge.inspect({ type: 'filters', id: filtersId, ...modelArgs() });
}

export function requestInsight(): void {
  insightId = nextId++;
  store.setState({ insightBusy: true, insightError: null });
  bridge.inspect({ type: 'test-insight', id: insightId, ...modelArgs(), data: store.getState().data });
}

export function saveModel(): void {
  store.setState({ modelFileBusy: true, modelFileNote: null });
  bridge.inspect({ type: 'save-model', ...modelArgs() });
}

export function loadModelFiles(files: File[]): void {
  if (files.length === 0) return;
  store.setState({ modelFileBusy: true, modelFileNote: null });
  bridge.inspect({ type: 'load-model', files });
}

function download(name: string, data: BlobPart, type: string): void {
  downloadBlob(name, new Blob([data], { type }));
}

// A new preset, toggle or seed (outside a run) means another model: look again after a pause, so
// clicking through several toggles builds one model, not each in turn.
let configTimer: ReturnType<typeof setTimeout> | null = null;
store.subscribe((s, prev) => {
  if ((s.config === prev.config && s.seed === prev.seed) || isRunning()) return;
  if (configTimer) clearTimeout(configTimer);
  configTimer = setTimeout(() => {
    configTimer = null;
    refreshInspect();
  }, 400);
});

export function receiveInspect(msg: InspectFromWorker): void {
  switch (msg.type) {
    case 'inspection':
      if (msg.result.id === inspectId) store.setState({ inspection: msg.result, inspectBusy: false });
      break;
    case 'filter-tiles':
      if (msg.result.id === filtersId) store.setState({ filters: msg.result });
      break;
    case 'test-insight-result':
      if (msg.result.id === insightId) store.setState({ insight: msg.result, insightBusy: false });
      break;
    case 'inspect-error':
      if (msg.what === 'inspect') store.setState({ inspectError: msg.problem, inspectBusy: false });
      else if (msg.what === 'insight') store.setState({ insightError: msg.problem, insightBusy: false });
      else if (msg.what === 'save' || msg.what === 'load')
        store.setState({ modelFileNote: { kind: 'error', problem: msg.problem }, modelFileBusy: false });
      else console.warn('[worker]', msg.problem);
      break;
    case 'model-saved':
      download(msg.jsonName, msg.json, 'application/json');
      download(msg.weightsName, msg.weights, 'application/octet-stream');
      store.setState({
        modelFileBusy: false,
        modelFileNote: { kind: 'saved', names: `${msg.jsonName} + ${msg.weightsName}` },
      });
      break;
    case 'model-loaded':
      // The page's config follows the loaded model, so its layer table and requests match it.
      store.setState({
        config: msg.origin.config,
        seed: msg.origin.seed,
        liveModel: msg.origin,
        modelFileBusy: false,
        modelFileNote: { kind: 'loaded', names: msg.name },
      });
      break;
    case 'model-changed':
      store.setState({ liveModel: msg.origin });
      // New weights after an epoch, at the start and end of a run, or from a file.
      if (msg.origin.source !== 'training' || msg.origin.epochs > 0) refreshInspect();
      break;
  }
}
