// The shipped build must not carry the e2e hooks: this builds the app as `npm run build` does
// (mode production) and looks for every hook's name in what it writes, page and Worker alike.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const HOOK_NAMES = [
  '__alexnetLab',
  'crashWorker',
  'loseDevice',
  'debug-crash',
  'debug-lose-device',
  'simulated crash',
  'nanAt',
  'adapterLimit',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

async function buildApp(mode: string): Promise<Map<string, string>> {
  const outDir = mkdtempSync(join(tmpdir(), `alexnet-build-${mode}-`));
  dirs.push(outDir);
  const nodeEnv = process.env.NODE_ENV;
  // Vitest sets NODE_ENV=test; a real build runs with production's.
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: 'vite.config.ts',
      mode,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, copyPublicDir: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return new Map(filesUnder(outDir).map((f) => [f, readFileSync(f, 'utf8')]));
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('test hooks', () => {
  it('are absent from the production build, page and Worker', { timeout: 600_000 }, async () => {
    const files = await buildApp('production');
    const sources = [...files.values()];
    // The Worker's bundle is among the files searched (it alone handles 'discard-checkpoint').
    expect(sources.filter((s) => s.includes('discard-checkpoint')).length).toBeGreaterThanOrEqual(2);
    const found = HOOK_NAMES.filter((name) => sources.some((s) => s.includes(name)));
    expect(found).toEqual([]);
  });

  it('are in the e2e build, so the search above can find them', { timeout: 600_000 }, async () => {
    const sources = [...(await buildApp('e2e')).values()];
    const found = HOOK_NAMES.filter((name) => sources.some((s) => s.includes(name)));
    expect(found).toEqual(HOOK_NAMES);
  });
});
