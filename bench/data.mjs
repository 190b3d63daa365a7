#!/usr/bin/env node
// How long the embedded CIFAR-10 takes to load in headless Chromium: a page starts a module
// Worker that runs src/data/embedded.ts loadEmbedded() on public/data/, as the app does.
//
//   node bench/data.mjs [--runs 3]        prints ms per run and the median
//   import { benchData } from './data.mjs'  → { ms, pageMs, runs }
//
// `ms` is measured in the Worker from the call to loadEmbedded until all 60,000 images are in
// their typed arrays (fetch + decode + cut); `pageMs` is from the page's navigation start until
// the page hears that the data is ready (includes starting the Worker and loading its module).
// The worker is bundled with Vite's build API and served with the app's COOP/COEP headers by a
// tiny static server, so nothing depends on the dev server.

import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.bin': 'application/octet-stream',
  '.js': 'text/javascript',
  '.html': 'text/html',
};

/** Bundles `source` (an ES module that may import repo files by absolute path) into one script. */
export async function bundleWorker(source) {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, source);
    const result = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      publicDir: false,
      build: {
        write: false,
        minify: false,
        target: 'es2022',
        lib: { entry, formats: ['es'], fileName: 'worker' },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    return outputs.find((o) => o.type === 'chunk' && o.isEntry).code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves `routes` (path → {type, body}) and the files of public/data/ under /data/, with the
 * app's cross-origin-isolation headers. Resolves to { url, close }.
 */
export async function serve(routes) {
  const dataDir = resolve(root, 'public/data');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': 'no-store',
    };
    let route = routes[path];
    if (!route && path.startsWith('/data/') && !path.includes('..')) {
      try {
        const file = join(dataDir, path.slice('/data/'.length));
        route = { type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
      } catch {
        route = null;
      }
    }
    if (!route) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': route.type,
      'Content-Length': Buffer.byteLength(route.body),
    });
    res.end(route.body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Opens `url` in headless Chromium and waits for `window.__result`; resolves to it. */
export async function runInChromium(url, { timeoutMs = 120_000, runs = 1 } = {}) {
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--disable-quic'],
  });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`[page] ${m.text()}`);
      });
      await page.goto(url);
      await page.waitForFunction(() => globalThis.__result, null, { timeout: timeoutMs });
      results.push(await page.evaluate(() => globalThis.__result));
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench-data</title><script type="module">
const worker = new Worker('/worker.js', { type: 'module' });
worker.onmessage = (e) => { window.__result = { ...e.data, pageMs: performance.now() }; };
worker.onerror = (e) => { window.__result = { ok: false, error: e.message || 'worker error' }; };
worker.postMessage({ base: location.origin + '/data/' });
</script>`;

const WORKER = (embedded) => `
import { loadEmbedded } from ${JSON.stringify(embedded)};
self.onmessage = async (e) => {
  const t0 = performance.now();
  const progress = [];
  try {
    const ds = await loadEmbedded(e.data.base, (loaded, total, what) =>
      progress.push({ at: Math.round(performance.now() - t0), loaded, total, what }));
    const ms = performance.now() - t0;
    let sum = 0;
    for (let i = 0; i < ds.train.images.length; i += 997) sum += ds.train.images[i];
    self.postMessage({ ok: true, ms, progress, train: ds.train.count, test: ds.test.count, checksum: sum });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err && err.message || err) });
  }
};`;

export async function benchData({ runs = 3, log = console.log } = {}) {
  const code = await bundleWorker(WORKER(resolve(root, 'src/data/embedded.ts')));
  const server = await serve({
    '/': { type: 'text/html', body: PAGE },
    '/worker.js': { type: 'text/javascript', body: code },
  });
  try {
    const results = await runInChromium(`${server.url}/`, { runs });
    for (const r of results) {
      if (!r.ok) throw new Error(`loading the embedded data failed in Chromium: ${r.error}`);
      if (r.train + r.test !== 60000) throw new Error(`expected 60,000 images, got ${r.train + r.test}`);
      log(`loaded ${r.train} + ${r.test} images in ${r.ms.toFixed(0)} ms (page: ${r.pageMs.toFixed(0)} ms)`);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = median(results.map((r) => r.ms));
    const pageMs = median(results.map((r) => r.pageMs));
    log(`median: ${ms.toFixed(0)} ms in the worker, ${pageMs.toFixed(0)} ms from page start`);
    return { ms, pageMs, runs: results.map((r) => ({ ms: r.ms, pageMs: r.pageMs, progress: r.progress })) };
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 3;
  benchData({ runs }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
