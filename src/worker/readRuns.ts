// The start-up reader: reads every stored run summary, checks it, and posts the valid ones to the
// page in chunks, off the page's thread (with 10,000 runs, reading and checking on the page held
// it for a second in tasks of 25–90 ms). The page opens (and migrates) the database first and
// starts this Worker only then, so it never upgrades anything itself.

import { openDB } from 'idb';
import { checkHead, type RunHead } from '../lab/summary';
import { RUNS_DB, RUNS_STORE, type ReadReport } from '../lab/storedRuns';
import { InvalidInput } from '../lab/validate';

/** Summaries per message: the page takes in each chunk in a short task of its own. */
const CHUNK = 250;

const report = (r: ReadReport) => postMessage(r);

async function read(): Promise<void> {
  // No version: the database as the page left it.
  const d = await openDB(RUNS_DB, undefined, {
    blocking(_c, _n, event) {
      (event.target as IDBDatabase).close();
    },
  });
  let skipped = 0;
  let raw: unknown[];
  try {
    // One request for all: a long task here holds no page, and one read is faster than many.
    raw = await d.getAll(RUNS_STORE);
  } finally {
    d.close();
  }
  for (let at = 0; at < raw.length; at += CHUNK) {
    const heads: RunHead[] = [];
    for (const r of raw.slice(at, at + CHUNK)) {
      try {
        heads.push(checkHead(r));
      } catch (err) {
        // Damaged, or from an older version: left out, as the page would leave it out.
        if (!(err instanceof InvalidInput)) throw err;
        skipped++;
      }
    }
    if (heads.length > 0) report({ type: 'heads', heads });
  }
  report({ type: 'done', skipped });
}

onmessage = () => {
  read().catch((err: unknown) =>
    report({ type: 'failed', name: err instanceof Error ? err.name : 'unknown' }),
  );
};
