// Imports an experiment file through the import Worker (worker/importRuns.ts): the page only
// shows progress and, at the end, adds the new runs' summaries to the list. One import at a time.

import { store } from '../store';
import { adoptStored, openRunsDb, warm } from './runsDb';
import type { ImportReport, ImportRequest } from '../lab/importPlan';
import type { RunHead } from '../lab/summary';
import { problem, type Problem } from '../shared/problem';

export type ImportOutcome =
  | { kind: 'done'; added: number; skipped: number }
  | { kind: 'cancelled' }
  | { kind: 'refused'; problem: Problem; detail?: Problem };

let worker: Worker | null = null;

/** Asks the import in progress to stop; what it wrote is deleted again. */
export function cancelImport(): void {
  worker?.postMessage({ type: 'cancel' } satisfies ImportRequest);
}

/** Imports `file` (named `name` in the progress bar); resolves when it ended, one way or another. */
export async function importFile(file: File): Promise<ImportOutcome> {
  if (worker) return { kind: 'refused', problem: problem('experiment.importBusy') };
  const s = store.getState();
  try {
    // Moved, changed or deleted since it was picked: the first byte fails already, and the page
    // says so in its own words before any Worker starts.
    await file.slice(0, 1).arrayBuffer();
  } catch {
    return { kind: 'refused', problem: problem('file.unreadable') };
  }
  try {
    // Opened (and migrated) here first, so the Worker finds the database as this page expects it.
    await openRunsDb();
  } catch {
    return { kind: 'refused', problem: problem('storage.runsClosed') };
  }
  const w = new Worker(new URL('../worker/importRuns.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  worker = w;
  s.setImportProgress({ name: file.name, done: 0, total: 0 });
  const heads: RunHead[] = [];
  let skipped = 0;
  let baselineId: string | null = null;
  const outcome = await new Promise<ImportOutcome>((resolve) => {
    w.onerror = () => resolve({ kind: 'refused', problem: problem('experiment.importFailed') });
    w.onmessage = (e: MessageEvent<ImportReport>) => {
      const r = e.data;
      if (r.type === 'planned') {
        skipped = r.skipped;
        baselineId = r.baselineId;
        s.setImportProgress({ name: file.name, done: 0, total: r.total });
      } else if (r.type === 'written') {
        warm(r.heads);
        heads.push(...r.heads);
        s.setImportProgress({
          name: file.name,
          done: r.done,
          total: store.getState().importProgress?.total ?? 0,
        });
      } else if (r.type === 'done') resolve({ kind: 'done', added: heads.length, skipped });
      else if (r.type === 'cancelled') resolve({ kind: 'cancelled' });
      else resolve({ kind: 'refused', problem: r.problem, detail: r.detail });
    };
    w.postMessage({ type: 'import', file } satisfies ImportRequest);
  });
  w.terminate();
  worker = null;
  // Runs written before a failure are stored: they are listed too.
  if (heads.length > 0 && outcome.kind !== 'cancelled') adoptStored(heads);
  if (outcome.kind === 'done') store.getState().adoptBaseline(baselineId);
  store.getState().setImportProgress(null);
  return outcome;
}
