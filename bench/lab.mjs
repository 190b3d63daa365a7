/* global document, window, MutationObserver */
// npm run bench:lab: the ablation lab with a class's worth of runs, in headless Chromium.
//  1. page start with no stored runs: time until the run list has its data (the goal to match);
//     each import below is repeated in a fresh browser profile (--repeats times);
//  2. import of 5,000 runs (the case, about 4 MB) into a page that has finished starting
//     (its images decoded): time until they are listed, and the longest main-thread task
//     meanwhile (PerformanceObserver 'longtask', tasks > 50 ms);
//  3. page start with 10,000 stored runs (a second 5,000-run file brings the lab there): time
//     until the run list has its data and shows its first page. Both page starts count long
//     tasks until a second after the page finished starting (its images decoded).
// Prints the figures and writes bench-results/lab.json. Not a test: figures vary by machine.
//
// Options: --repeats 3 (page starts measured, median printed)   --skip-build   --port 4181
//          --steps 2 (steps per imported run)   --profile FILE (a CPU profile of the last
//          10,000-run start, for Chrome DevTools; its heaviest functions are printed)
//          --profile-import FILE (the same, of the second 5,000-run import)   --out DIR (the build)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';
import { experimentFile } from './experimentFile.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const repeats = Number(opt('repeats', '3'));
const port = Number(opt('port', '4181'));
const steps = Number(opt('steps', '2'));
const profileFile = opt('profile', null);
const importProfile = opt('profile-import', null);
// --out: another build to measure with --skip-build (an A/B against an earlier commit's build).
const outDir = opt('out', 'dist-bench-lab');

// Profiled builds keep their names, so the profile's functions can be read.
if (!args.includes('--skip-build'))
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: !profileFile && !importProfile },
  });
const server = await preview({
  build: { outDir },
  preview: { port, host: '127.0.0.1', strictPort: true },
  logLevel: 'warn',
});
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });

// In every page, before the app: long tasks, and the moments the run list gets its data and rows.
const probe = () => {
  window.__lab = { longtasks: [], loadedAt: null, rowsAt: null, importStart: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lab.longtasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const l = document.querySelector('[data-testid="run-list"]');
    if (l && window.__lab.loadedAt === null && l.getAttribute('data-loaded') === 'true')
      window.__lab.loadedAt = performance.now();
    if (l && window.__lab.rowsAt === null && l.querySelector('li[data-run-id]'))
      window.__lab.rowsAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener(
    'change',
    (e) => {
      if (e.target?.type === 'file') window.__lab.importStart = performance.now();
    },
    true,
  );
};

/**
 * CPU time the hypervisor took from this machine so far, in ms (Linux /proc/stat "steal", both
 * cores added up; 0 elsewhere). A long task in a phase with much steal may be the host's, not ours.
 */
function stealMs() {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return Number(cpu[8] ?? 0) * 10;
  } catch {
    return 0;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const longest = (tasks, from, to) =>
  tasks.filter((t) => t.start + t.ms >= from && t.start <= to).reduce((m, t) => Math.max(m, t.ms), 0);

/** Opens the app in `context` and measures its start; `rows`: wait for the first list row too. */
async function start(context, rows, profile = false) {
  const steal0 = stealMs();
  const page = await context.newPage();
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto(base);
  await page.waitForFunction(
    (r) => window.__lab.loadedAt !== null && (!r || window.__lab.rowsAt !== null),
    rows,
    {
      timeout: 300_000,
      polling: 50,
    },
  );
  // Until the page has finished starting (the Worker decoded the images), then a second more: the
  // same window with and without stored runs, so their long tasks compare.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="test-count"]')?.textContent === '10000',
    null,
    { timeout: 300_000 },
  );
  await page.waitForTimeout(1000);
  const end = await page.evaluate(() => performance.now());
  const lab = await page.evaluate(() => window.__lab);
  if (cdp) {
    const { profile: cpu } = await cdp.send('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(cpu));
    printHeaviest(cpu, lab.longtasks);
    const at = (t) => `${Math.round(t.ms)} ms at ${Math.round(t.start)}`;
    console.log(
      `profile: data ready at ${Math.round(lab.loadedAt)} ms; long tasks: ${lab.longtasks.map(at).join(', ')}`,
    );
  }
  await page.close();
  return {
    loadedMs: lab.loadedAt,
    rowsMs: lab.rowsAt,
    longestTaskMs: longest(lab.longtasks, 0, end),
    stealMs: stealMs() - steal0,
    // Every long task until a second after the page finished starting: [start ms, duration ms].
    longTasks: lab.longtasks
      .filter((t) => t.start <= end)
      .map((t) => [Math.round(t.start), Math.round(t.ms)]),
  };
}

/** Imports `buffer` in `page` and measures until the runs are listed. */
async function importRuns(page, name, buffer, runs, profile = null) {
  const steal0 = stealMs();
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // From a path, as a picked file: a buffer would be decoded by Playwright inside the page, a long
  // task of its own (about 0.5 s for 4 MB) that a user's import does not have.
  const path = `bench-results/${name}`;
  writeFileSync(path, buffer);
  await page.getByLabel('Import experiment').setInputFiles(path);
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes(text)),
    `${name}: ${runs} runs added`,
    { timeout: 600_000, polling: 50 },
  );
  const { lab, now } = await page.evaluate(() => ({ lab: window.__lab, now: performance.now() }));
  if (cdp) {
    const { profile: cpu } = await cdp.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(cpu));
    const tasks = lab.longtasks.filter((t) => t.start + t.ms >= lab.importStart);
    printHeaviest(cpu, tasks);
  }
  return {
    ms: now - lab.importStart,
    longestTaskMs: longest(lab.longtasks, lab.importStart, now),
    stealMs: stealMs() - steal0,
  };
}

/** The functions with the most self time over the profiled start (idle left out). */
function printHeaviest(cpu, tasks) {
  const nodes = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map();
  cpu.samples.forEach((id, i) => {
    const f = nodes.get(id).callFrame;
    if (f.functionName === '(idle)') return;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (cpu.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const longestMs = Math.max(0, ...tasks.map((t) => t.ms));
  console.log(`profile: longest task ${Math.round(longestMs)} ms; self time over the start:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${ms.toFixed(1)} ms  ${name}`);
}

mkdirSync('bench-results', { recursive: true });
const report = { when: new Date().toISOString(), chromium: browser.version(), stepsPerRun: steps };
try {
  let context = null;
  const empty = [];
  const firsts = [];
  const seconds = [];
  const fileA = experimentFile(5000, steps, 'a');
  const fileB = experimentFile(5000, steps, 'b');
  // Each repeat imports into a fresh browser profile (no stored runs); the last one keeps its
  // 10,000 runs for the page starts below.
  for (let i = 0; i < repeats; i++) {
    await context?.close();
    context = await browser.newContext();
    await context.addInitScript(probe);
    if (i === 0) for (let j = 0; j < repeats; j++) empty.push(await start(context, false));
    const page = await context.newPage();
    await page.goto(base);
    await page.waitForFunction(() => window.__lab.loadedAt !== null);
    // The import is measured on a settled page: once the Worker has decoded the 60,000 images
    // (both cores busy for seconds after a start, which is the page start's cost, not the import's).
    await page.waitForFunction(
      () => document.querySelector('[data-testid="test-count"]')?.textContent === '10000',
      null,
      { timeout: 300_000 },
    );
    await page.waitForTimeout(1000);
    firsts.push({ bytes: fileA.length, ...(await importRuns(page, 'class-a.json', fileA, 5000)) });
    // A second file of 5,000 other runs: 10,000 stored.
    const last = i === repeats - 1;
    seconds.push(await importRuns(page, 'class-b.json', fileB, 5000, last ? importProfile : null));
    await page.close();
  }
  report.emptyStart = { runs: empty, medianLoadedMs: median(empty.map((r) => r.loadedMs)) };
  const imports = (runs) => ({
    runs,
    medianMs: median(runs.map((r) => r.ms)),
    maxLongestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
  });
  report.import5000 = { bytes: fileA.length, ...imports(firsts) };
  report.import5000again = imports(seconds);

  const full = [];
  for (let i = 0; i < repeats; i++) full.push(await start(context, true, profileFile && i === repeats - 1));
  report.start10000 = {
    runs: full,
    medianLoadedMs: median(full.map((r) => r.loadedMs)),
    medianRowsMs: median(full.map((r) => r.rowsMs)),
    maxLongestTaskMs: Math.max(...full.map((r) => r.longestTaskMs)),
  };
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const ms = (x) => `${Math.round(x)} ms`;
console.log(
  `lab: page start, no runs: data ready ${ms(report.emptyStart.medianLoadedMs)} (median of ${repeats}),` +
    ` longest task ${ms(Math.max(...report.emptyStart.runs.map((r) => r.longestTaskMs)))}`,
);
console.log(
  `lab: import 5,000 runs (${(report.import5000.bytes / 1e6).toFixed(1)} MB, ${steps} steps each): ` +
    `${ms(report.import5000.medianMs)}, longest task ${ms(report.import5000.maxLongestTaskMs)}; ` +
    `the next 5,000 (to 10,000): ${ms(report.import5000again.medianMs)}, ` +
    `longest task ${ms(report.import5000again.maxLongestTaskMs)} (medians of ${repeats}; longest of all)`,
);
const steal = (runs) => runs.map((r) => r.stealMs).join(', ');
console.log(
  `lab: CPU steal (ms) during each empty start: ${steal(report.emptyStart.runs)}; each import: ` +
    `${steal(report.import5000.runs)} / ${steal(report.import5000again.runs)}; each 10,000-run start: ` +
    steal(report.start10000.runs),
);
const tasks = (runs) =>
  runs.map((r) => r.longTasks.map(([at, d]) => `${d}@${at}`).join(' ') || '-').join(' | ');
console.log(`lab: long tasks (ms@start) of each empty start: ${tasks(report.emptyStart.runs)}`);
console.log(`lab: long tasks (ms@start) of each 10,000-run start: ${tasks(report.start10000.runs)}`);
console.log(
  `lab: page start, 10,000 runs: data ready ${ms(report.start10000.medianLoadedMs)}, ` +
    `first page of the list shown ${ms(report.start10000.medianRowsMs)} (medians of ${repeats}), ` +
    `longest task ${ms(report.start10000.maxLongestTaskMs)}`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/lab.json', JSON.stringify(report, null, 2));
