// What the service worker caches: every file the build emits except the worker itself and source
// maps. Pure, so the build plugin (scripts/sw/plugin.ts) and its test share it.

import { createHash } from 'node:crypto';

/** The file name the service worker is served as, at the root of the build. */
export const SW_FILE = 'sw.js';

/** The precache list, sorted: emitted files and public/ files, '/'-separated, relative to the root. */
export function precacheList(files: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const p = f.replaceAll('\\', '/').replace(/^\.?\//, '');
    if (p === SW_FILE || p.endsWith('.map') || p.startsWith('.') || p.includes('/.')) continue;
    out.add(p);
  }
  return [...out].sort();
}

/** A short hash of the files' names and contents: the cache's version. */
export function precacheVersion(entries: { path: string; bytes: Uint8Array | string }[]): string {
  const h = createHash('sha256');
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    h.update(e.path);
    h.update('\0');
    h.update(e.bytes);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}
