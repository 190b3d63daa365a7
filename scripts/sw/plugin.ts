// Vite plugin: writes dist/sw.js, the service worker (src/sw/sw.ts with its types stripped) with
// the list of every file of the build and a version hashed from their contents. Build only: the
// dev server has no service worker (src/client/serviceWorker.ts registers it in builds only).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';
import { SW_FILE, precacheList, precacheVersion } from './precache.ts';

const SOURCE = fileURLToPath(new URL('../../src/sw/sw.ts', import.meta.url));

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    async generateBundle(_, bundle) {
      const publicDir = config.publicDir;
      const publicFiles = publicDir ? filesUnder(publicDir) : [];
      const list = precacheList([...Object.keys(bundle), ...publicFiles]);
      const bytesOf = (path: string): Uint8Array | string => {
        const item = bundle[path];
        if (item) return item.type === 'chunk' ? item.code : item.source;
        return readFileSync(join(publicDir, path));
      };
      const version = precacheVersion(list.map((path) => ({ path, bytes: bytesOf(path) })));
      const { code } = await transformWithOxc(readFileSync(SOURCE, 'utf8'), SOURCE, { lang: 'ts' });
      this.emitFile({
        type: 'asset',
        fileName: SW_FILE,
        source:
          `const PRECACHE = ${JSON.stringify(list)};\n` +
          `const VERSION = ${JSON.stringify(version)};\n` +
          code,
      });
    },
  };
}
