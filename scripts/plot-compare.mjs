// Draws test accuracy per epoch of several runs in one SVG for docs/results: the app's runs
// (experiment files from `npm run train -- --out …`) next to cli/twinRecipe.py's (--out FILE.json).
// Usage: node scripts/plot-compare.mjs OUT.svg RUN.json… (app runs solid, twin runs dashed)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [out, ...files] = process.argv.slice(2);
if (!out || files.length === 0) throw new Error('usage: node scripts/plot-compare.mjs OUT.svg RUN.json…');

/** [{label, twin, points: [epoch, test accuracy]}] from either kind of file. */
const runs = files.map((file) => {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (data.runs) {
    const run = data.runs[0];
    const points = run.evals.filter((e) => e.kind === 'epoch').map((e) => [e.epoch, e.testAcc]);
    return { label: run.name || basename(file), twin: false, points };
  }
  return {
    label: `PyTorch twin, seed ${data.seed}`,
    twin: true,
    points: data.epochs.map((e) => [e.epoch, e.testAcc]),
  };
});

const W = 480;
const H = 280;
const M = 40;
const xMax = Math.max(...runs.flatMap((r) => r.points.map((p) => p[0])));
const yMax = Math.min(
  1,
  Math.ceil(Math.max(...runs.flatMap((r) => r.points.map((p) => p[1]))) * 10 + 0.5) / 10,
);
const sx = (x) => M + (x / xMax) * (W - M - 10);
const sy = (y) => H - M + 10 - (y / yMax) * (H - M - 30);
const colors = ['#c33', '#36c', '#393', '#c80', '#939', '#099'];
let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">`;
svg += `<rect width="${W}" height="${H}" fill="#fff"/>`;
svg += `<text x="${W / 2}" y="14" text-anchor="middle" font-size="12">test accuracy per epoch</text>`;
svg += `<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(xMax)}" y2="${sy(0)}" stroke="#444"/>`;
svg += `<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(0)}" y2="${sy(yMax)}" stroke="#444"/>`;
for (const f of [0, 0.5, 1])
  svg += `<text x="${sx(0) - 4}" y="${sy(f * yMax) + 4}" text-anchor="end" font-size="10">${Math.round(f * yMax * 100)} %</text>`;
for (let e = 1; e <= xMax; e++)
  svg += `<text x="${sx(e)}" y="${sy(0) + 14}" text-anchor="middle" font-size="10">${e}</text>`;
svg += `<text x="${sx(xMax)}" y="${sy(0) + 26}" text-anchor="end" font-size="10">epoch</text>`;
runs.forEach((r, i) => {
  const color = colors[i % colors.length];
  const pts = r.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
  const dash = r.twin ? ' stroke-dasharray="5 3"' : '';
  svg += `<polyline fill="none" stroke="${color}" stroke-width="1.5"${dash} points="${pts}"/>`;
  svg += `<text x="${sx(0) + 8}" y="${sy(yMax) + 12 + 12 * i}" font-size="10" fill="${color}">${r.label}</text>`;
});
svg += '</svg>\n';
writeFileSync(out, svg);
console.log(`written: ${out}`);
