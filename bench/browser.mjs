/* global document, window */
// npm run bench: how fast the app is here, measured in headless Chromium.
//  1. data: from page load until all 60,000 embedded images are decoded and ready (the app's own
//     page, as a user sees it; bench/data.mjs times the loader alone and is not run here);
//  2. training throughput (img/s, ms/step) of both presets on each backend that starts.
// Prints a table and writes bench-results/bench.json.
//
//  3. per-kernel breakdown of one more step of each run (tf.profile: time and share per kernel);
//  4. wasm in three variants from the same run: `baseline` (stock kernels plus the two it cannot
//     train without), `project` (all of src/kernels/wasm), `threads` (project + multi-threaded
//     build), and PyTorch CPU on the same network and batch (/usr/bin/python3 with torch, i.e.
//     Debian's python3-torch, running ../shared/device/torch_reference.py), so every speed-up is
//     a ratio from one run;
//  5. webgpu in two variants from the same run: `baseline` (stock tfjs-webgpu kernels) and
//     `project` (src/kernels/webgpu: our weight/input gradients and MaxPoolGrad), with
//     their ratio. Without a GPU that is SwiftShader: a software adapter's figures.
//
// Options: --backends wasm,webgl,webgpu,cpu   --runs cifar:64:3,paper:16:2 (preset:batch:steps,
// applied to every backend)   --wasm-variants baseline,project,threads
// --webgpu-variants baseline,project   --skip-build   --no-data
// --no-train   --no-profile   --no-torch   --torch-runs cifar32:64:3   --page-timeout-s 900
// Software WebGPU/WebGL and plain cpu take tens of seconds per step here: their defaults are
// small batches and one timed step.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
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
const wasmVariants = opt('wasm-variants', 'baseline,project,threads').split(',');
const webgpuVariants = opt('webgpu-variants', 'baseline,project').split(',');
const VARIANTS = { wasm: wasmVariants, webgpu: webgpuVariants };
const TORCH_SCRIPT = '../shared/device/torch_reference.py';
const TORCH_PRESET = { cifar32: 'cifar', alexnet227: 'paper' };

/** Prints the kernels that take ≥ 1 % of the step (or the first 8 when untimed). */
function printProfile(p) {
  const overhead = p.kernelMs === null ? '' : `, outside kernels ${(p.stepMs - p.kernelMs).toFixed(0)} ms`;
  console.log(`    profiled step ${p.stepMs.toFixed(0)} ms${overhead}`);
  const shown = p.kernelMs === null ? p.kernels.slice(0, 8) : p.kernels.filter((k) => (k.share ?? 0) >= 0.01);
  for (const k of shown) {
    const t =
      k.ms === null
        ? 'untimed'
        : `${k.ms.toFixed(1).padStart(8)} ms ${(100 * k.share).toFixed(1).padStart(5)} %`;
    console.log(`    ${k.name.padEnd(22)} ×${String(k.calls).padEnd(4)} ${t}`);
  }
}

/** PyTorch CPU on the same networks (fp32), if /usr/bin/python3 has torch; null otherwise. */
function runTorch(runs) {
  if (!existsSync(TORCH_SCRIPT)) return { skipped: `${TORCH_SCRIPT} not found` };
  const r = spawnSync('/usr/bin/python3', [TORCH_SCRIPT], {
    env: { ...process.env, RUNS: runs },
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return { skipped: `torch did not run: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}` };
  // The script times fp32 then TF32; on a CPU only fp32 is meaningful.
  const results = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((x) => x.impl.endsWith('-fp32'));
  for (const x of results)
    console.log(
      `torch: ${x.impl} ${x.preset} batch ${x.batch}: ${x.img_per_s} img/s, ${x.ms_per_step} ms/step`,
    );
  return { results };
}

/** Ratios from this run: each variant against its backend's baseline, and against torch-cpu. */
function summarise(rep) {
  const lines = ['summary (same run):'];
  const key = (r) => `${r.preset}:${r.batchSize}`;
  const backendOf = (r) => r.variant.split('/')[0];
  const base = new Map(
    rep.training.filter((r) => r.variant.endsWith('/baseline')).map((r) => [`${backendOf(r)} ${key(r)}`, r]),
  );
  const torch = new Map(
    (rep.torch?.results ?? []).map((t) => [`${TORCH_PRESET[t.preset] ?? t.preset}:${t.batch}`, t]),
  );
  for (const r of rep.training) {
    const b = base.get(`${backendOf(r)} ${key(r)}`);
    const t = torch.get(key(r));
    r.vsBaseline = b ? r.imagesPerSec / b.imagesPerSec : null;
    r.vsTorchCpu = t ? r.imagesPerSec / t.img_per_s : null;
    lines.push(
      `  ${r.variant.padEnd(15)} ${key(r).padEnd(9)} ${r.imagesPerSec.toFixed(1).padStart(7)} img/s` +
        (r.vsBaseline ? `  ×${r.vsBaseline.toFixed(2)} vs ${backendOf(r)}/baseline` : '') +
        (r.vsTorchCpu ? `  ${(100 * r.vsTorchCpu).toFixed(0)} % of torch-cpu (${t.img_per_s} img/s)` : ''),
    );
  }
  return lines;
}
const port = 4180;

// The app plus the benchmark page, built apart from the product (bench/vite.page.config.ts).
const configFile = 'bench/vite.page.config.ts';
if (!flag('skip-build')) await build({ configFile, logLevel: 'warn' });
const server = await preview({
  configFile,
  preview: { port, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});
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
      for (const variant of VARIANTS[backend] ?? ['project']) {
        const label = VARIANTS[backend] ? `${backend}/${variant}` : backend;
        const query = new URLSearchParams({
          backend,
          runs,
          kernels: variant === 'baseline' ? 'baseline' : 'project',
          threads: variant === 'threads' ? '1' : '0',
          profile: flag('no-profile') ? '0' : '1',
        });
        const page = await browser.newPage();
        page.on('console', (m) => m.type() === 'error' && console.log(`  [${label}] ${m.text()}`));
        const t0 = Date.now();
        await page.goto(`${base}/bench/page/index.html?${query}`);
        const timeoutMs = Number(opt('page-timeout-s', '900')) * 1000;
        const finished = await page
          .waitForFunction(() => window.__bench?.done, null, { polling: 500, timeout: timeoutMs })
          .then(() => true)
          .catch(() => false);
        const messages = await page.evaluate(() => window.__bench.messages);
        await page.close();
        if (!finished) {
          const note = {
            type: 'failed',
            backend: label,
            reason: `no answer within ${timeoutMs / 1000} s (hung)`,
          };
          report.notes.push(note);
          console.log(`train: ${label}: ${note.reason}`);
        }
        for (const m of messages) {
          if (m.type === 'result') {
            const r = { ...m.result, variant: label, threads: m.threads, adapter: m.adapter, env: m.env };
            report.training.push(r);
            console.log(
              `train: ${label.padEnd(15)} ${r.preset.padEnd(5)} batch ${String(r.batchSize).padStart(3)}: ` +
                `${r.imagesPerSec.toFixed(1).padStart(7)} img/s, ${r.msPerStep.toFixed(0).padStart(7)} ms/step ` +
                `(warm-up ${r.warmupMs.toFixed(0)} ms, ${r.steps} timed steps; ${r.adapter}; ${JSON.stringify(r.env)})`,
            );
            if (r.profile) printProfile(r.profile);
          } else {
            report.notes.push({ ...m, variant: label });
            console.log(`train: ${label}: ${m.type}${m.preset ? ` ${m.preset}` : ''}: ${m.reason}`);
          }
        }
        console.log(`  (${label}: ${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
      }
    }
  }
  if (!flag('no-torch')) report.torch = runTorch(opt('torch-runs', 'cifar32:64:3'));
  report.summary = summarise(report);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

mkdirSync('bench-results', { recursive: true });
for (const line of report.summary ?? []) console.log(line);
writeFileSync('bench-results/bench.json', JSON.stringify(report, null, 2));
console.log('written: bench-results/bench.json');
