// The start-up reader: reads every stored run summary, checks it, and posts the valid ones to the
// page in chunks, off the page's thread (with 10,000 runs, reading and checking on the page held
// it for a second in tasks of 25–90 ms). The page starts this Worker while it opens (and
// migrates) the database and asks it to read only then, so it never upgrades anything itself.

import { openDB } from 'idb';
import { RUNS_DB, RUNS_STORE, checkedHeads, type ReadReport } from '../lab/storedRuns';

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
  let raw: unknown[];
  try {
    // One request for all: a long task here holds no page (reading page by page, each page
    // checked while the next was read, measured no faster: both are this thread's work).
    raw = await d.getAll(RUNS_STORE);
  } finally {
    d.close();
  }
  for (let at = 0; at < raw.length; at += CHUNK) {
    const heads = checkedHeads(raw.slice(at, at + CHUNK));
    if (heads.length > 0) report({ type: 'heads', heads });
  }
  report({ type: 'done' });
}

onmessage = () => {
  read().catch(() => report({ type: 'failed' }));
};
