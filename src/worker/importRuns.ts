// The import Worker: reads an experiment file, checks it and writes its runs to IndexedDB in
// chunks, off the page's thread, so a file of thousands of runs never freezes the page. Reports
// progress after each chunk; on cancel it deletes what it wrote. The page opens (and migrates)
// the database before starting this Worker, so the upgrade below only guards a bare start.

import { openDB, type IDBPDatabase } from 'idb';
import { importExperiment } from '../lab/experiment';
import { IMPORT_CHUNK, chunks } from '../lab/capacity';
import { planImport, type ImportReport, type ImportRequest } from '../lab/importPlan';
import { headOf } from '../lab/summary';
import { RUNS_DB, RUNS_DB_VERSION, RUNS_STORE, STEPS_STORE, type StoredSteps } from '../lab/storedRuns';
import { problem } from '../shared/problem';
import { isQuotaError, MAKE_ROOM } from '../shared/storageErrors';

let cancelled = false;

const report = (r: ImportReport) => postMessage(r);

function open(): Promise<IDBPDatabase> {
  return openDB(RUNS_DB, RUNS_DB_VERSION, {
    upgrade(d) {
      if (!d.objectStoreNames.contains(RUNS_STORE)) d.createObjectStore(RUNS_STORE, { keyPath: 'id' });
      if (!d.objectStoreNames.contains(STEPS_STORE)) d.createObjectStore(STEPS_STORE, { keyPath: 'id' });
    },
    // Site data cleared or another tab upgrading: let go; the write in progress then fails.
    blocking(_c, _n, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

async function run(file: Blob): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    // Moved, changed or deleted since it was picked: our words, not the browser's sentence.
    return report({ type: 'refused', problem: problem('file.unreadable') });
  }
  const res = importExperiment(text);
  if (!res.ok) return report({ type: 'refused', problem: res.problem, detail: res.detail });
  const d = await open();
  const stored = new Set((await d.getAllKeys(RUNS_STORE)).map(String));
  const plan = planImport(res.runs, stored);
  if (!plan.ok) return report({ type: 'refused', problem: plan.problem });
  report({ type: 'planned', total: plan.fresh.length, skipped: plan.skipped, baselineId: res.baselineId });
  const written: string[] = [];
  for (const part of chunks(plan.fresh, IMPORT_CHUNK)) {
    if (cancelled) break;
    const heads = part.map(headOf);
    const tx = d.transaction([RUNS_STORE, STEPS_STORE], 'readwrite');
    const runs = tx.objectStore(RUNS_STORE);
    const steps = tx.objectStore(STEPS_STORE);
    await Promise.all([
      ...heads.map((h) => runs.put(h)),
      ...part.map((r) => steps.put({ id: r.id, steps: r.steps } satisfies StoredSteps)),
      tx.done,
    ]);
    written.push(...heads.map((h) => h.id));
    report({ type: 'written', heads, done: written.length });
  }
  if (cancelled) {
    for (const part of chunks(written, IMPORT_CHUNK)) {
      const tx = d.transaction([RUNS_STORE, STEPS_STORE], 'readwrite');
      await Promise.all([
        ...part.flatMap((id) => [
          tx.objectStore(RUNS_STORE).delete(id),
          tx.objectStore(STEPS_STORE).delete(id),
        ]),
        tx.done,
      ]);
    }
    report({ type: 'cancelled' });
  } else report({ type: 'done' });
  d.close();
}

onmessage = (e: MessageEvent<ImportRequest>) => {
  if (e.data.type === 'cancel') {
    cancelled = true;
    return;
  }
  cancelled = false;
  run(e.data.file).catch((err: unknown) =>
    report({
      type: 'refused',
      problem: isQuotaError(err)
        ? problem('storage.runsFull', { makeRoom: MAKE_ROOM })
        : problem('storage.runsFailed', { detail: err instanceof Error ? err.name : 'unknown' }),
    }),
  );
};
