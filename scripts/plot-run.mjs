// Draws a run's curves as an SVG for docs/results: training loss per step (left) and train/test
// accuracy per epoch (right), from an experiment file written by `npm run train -- --out …`.
// Usage: node scripts/plot-run.mjs docs/results/NAME.json  → docs/results/NAME.svg
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/plot-run.mjs RUN.json');
const run = JSON.parse(readFileSync(file, 'utf8')).runs[0];
const W = 360;
const H = 220;
const M = 36;

function panel(x0, title, series, yMax, xMax, xLabel) {
  const sx = (x) => x0 + M + (x / xMax) * (W - M - 10);
  const sy = (y) => H - M + 10 - (y / yMax) * (H - M - 20);
  let svg = `<text x="${x0 + W / 2}" y="14" text-anchor="middle" font-size="12">${title}</text>`;
  svg += `<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(xMax)}" y2="${sy(0)}" stroke="#444"/>`;
  svg += `<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(0)}" y2="${sy(yMax)}" stroke="#444"/>`;
  for (const f of [0, 0.5, 1]) {
    svg += `<text x="${sx(0) - 4}" y="${sy(f * yMax) + 4}" text-anchor="end" font-size="10">${+(f * yMax).toFixed(2)}</text>`;
  }
  svg += `<text x="${sx(xMax)}" y="${sy(0) + 14}" text-anchor="end" font-size="10">${xLabel} ${xMax}</text>`;
  series.forEach(({ xs, ys, color, label }, i) => {
    const pts = xs.map((x, j) => `${sx(x).toFixed(1)},${sy(ys[j]).toFixed(1)}`).join(' ');
    svg += `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${pts}"/>`;
    svg += `<text x="${sx(0) + 8}" y="${sy(yMax) + 12 + 12 * i}" font-size="10" fill="${color}">${label}</text>`;
  });
  return svg;
}

const steps = run.steps;
const epochs = run.evals.filter((e) => e.kind === 'epoch');
const lossMax = Math.ceil(Math.max(...steps.loss));
const left = panel(
  0,
  'training loss per step',
  [{ xs: steps.step, ys: steps.loss, color: '#c33', label: 'loss' }],
  lossMax,
  steps.step.at(-1),
  'step',
);
const right = panel(
  W,
  'accuracy per epoch (%)',
  [
    {
      xs: epochs.map((e) => e.epoch),
      ys: epochs.map((e) => e.trainAcc * 100),
      color: '#37a',
      label: 'train',
    },
    { xs: epochs.map((e) => e.epoch), ys: epochs.map((e) => e.testAcc * 100), color: '#c60', label: 'test' },
  ],
  100,
  run.settings.epochs,
  'epoch',
);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif">${left}${right}</svg>\n`;
const out = file.replace(/\.json$/, '.svg');
writeFileSync(out, svg);
console.log(`written: ${out}`);
