/* global document, window */
// npm run bench: how fast the app is here, measured in headless Chromium.
//  1. data: from page load until all 60,000 embedded images are decoded and ready;
//  2. training throughput (img/s, ms/step) of both presets on each backend that starts.
// Prints a table and writes bench-results/bench.json.
//
// Options: --backends wasm,webgl,webgpu,cpu   --runs cifar:64:3,paper:16:2 (preset:batch:steps,
// applied to every backend)   --skip-build   --no-data   --no-train
// Software WebGPU/WebGL and plain cpu take tens of seconds per step here: their defaults are
// small batches and one timed step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const DEFAULT_RUNS = {
  wasm: 'cifar:64:3,paper:16:2',
  webgl: 'cifar:8:1,paper:4:1',
  webgpu: 'cifar:8:1,paper:4:1',
  cpu: 'cifar:8:1',
};
const backends = opt('backends', 'wasm,webgl,webgpu,cpu').split(',');
const port = 4180;

if (!flag('skip-build')) await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--disable-quic'],
});
const report = {
  when: new Date().toISOString(),
  chromium: browser.version(),
  data: null,
  training: [],
  notes: [],
};

try {
  if (!flag('no-data')) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      await page.goto(`${base}/?backend=wasm`);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="train-count"]')?.textContent === '50000',
        null,
        {
          polling: 20,
          timeout: 120_000,
        },
      );
      const pageMs = await page.evaluate(() => performance.now());
      times.push(pageMs);
      await page.close();
    }
    times.sort((a, b) => a - b);
    report.data = { runs: times.map(Math.round), medianMs: Math.round(times[1]) };
    console.log(
      `data: page load → 50,000 + 10,000 images ready: median ${report.data.medianMs} ms (runs: ${report.data.runs.join(', ')} ms)`,
    );
  }

  if (!flag('no-train')) {
    for (const backend of backends) {
      const runs = opt('runs', DEFAULT_RUNS[backend] ?? 'cifar:8:1');
      const page = await browser.newPage();
      page.on('console', (m) => m.type() === 'error' && console.log(`  [${backend}] ${m.text()}`));
      const t0 = Date.now();
      await page.goto(`${base}/bench.html?backend=${backend}&runs=${runs}`);
      await page.waitForFunction(() => window.__bench?.done, null, { polling: 500, timeout: 0 });
      const messages = await page.evaluate(() => window.__bench.messages);
      await page.close();
      for (const m of messages) {
        if (m.type === 'result') {
          const r = { ...m.result, adapter: m.adapter };
          report.training.push(r);
          console.log(
            `train: ${r.backend.padEnd(6)} ${r.preset.padEnd(5)} batch ${String(r.batchSize).padStart(3)}: ` +
              `${r.imagesPerSec.toFixed(1).padStart(7)} img/s, ${r.msPerStep.toFixed(0).padStart(7)} ms/step ` +
              `(warm-up ${r.warmupMs.toFixed(0)} ms, ${r.steps} timed steps)`,
          );
        } else {
          report.notes.push(m);
          console.log(`train: ${backend}: ${m.type}${m.preset ? ` ${m.preset}` : ''}: ${m.reason}`);
        }
      }
      console.log(`  (${backend}: ${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
    }
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(report, null, 2));
console.log('written: bench-results/bench.json');
