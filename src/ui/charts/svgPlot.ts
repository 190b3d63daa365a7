// A line chart as a standalone SVG file, written from its numbers: the lab's comparison is drawn
// by uPlot on a canvas, which has no SVG of its own, and slides and papers want vector figures.
// Pure (strings only), so it is tested without a browser.

import type { XYLine } from './columns';
import { cellText } from './chartTable';

export interface SvgLine {
  label: string;
  colour: string;
  points: XYLine;
}

export interface SvgPlot {
  title: string;
  xLabel: string;
  yLabel: string;
  lines: readonly SvgLine[];
  /** A fixed y range (accuracies: 0–100); otherwise the lines' own extent. */
  yRange?: readonly [number, number];
  width?: number;
  height?: number;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Legend entries are 200 px apart: longer run names are cut (the path's title keeps them whole). */
const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
const n = (v: number) => String(Math.round(v * 10) / 10);

/** About `count` round tick values (1, 2 or 5 × a power of ten apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const raw = (max - min) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/** Extent of the finite values; [0, 1] when there are none, widened when all are equal. */
function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** The chart as an SVG document: title, axes with ticks and labels, one path per line, a legend. */
export function plotSvg(p: SvgPlot): string {
  const width = p.width ?? 720;
  const plotH = p.height ?? 320;
  const m = { left: 64, right: 24, top: 40, bottom: 52 };
  const perRow = Math.max(1, Math.floor((width - m.left) / 200));
  const legendH = Math.ceil(p.lines.length / perRow) * 20;
  const height = m.top + plotH + m.bottom + legendH;
  const all = p.lines.flatMap((l) => l.points);
  const [x0, x1] = extent(all.map((q) => q.x));
  const [y0, y1] = p.yRange ?? extent(all.map((q) => q.y));
  const w = width - m.left - m.right;
  const sx = (x: number) => m.left + ((x - x0) / (x1 - x0)) * w;
  const sy = (y: number) => m.top + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<clipPath id="plot-area"><rect x="${m.left}" y="${m.top}" width="${w}" height="${plotH}"/></clipPath>`,
    `<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(p.title)}</text>`,
  ];
  for (const t of niceTicks(x0, x1)) {
    const x = n(sx(t));
    out.push(`<line x1="${x}" y1="${m.top}" x2="${x}" y2="${m.top + plotH}" stroke="#dde1e6"/>`);
    out.push(`<text x="${x}" y="${m.top + plotH + 16}" text-anchor="middle">${cellText(t)}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    const y = n(sy(t));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + w}" y2="${y}" stroke="#dde1e6"/>`);
    out.push(
      `<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${cellText(t)}</text>`,
    );
  }
  out.push(
    `<rect x="${m.left}" y="${m.top}" width="${w}" height="${plotH}" fill="none" stroke="#555"/>`,
    `<text x="${m.left + w / 2}" y="${m.top + plotH + 38}" text-anchor="middle">${esc(p.xLabel)}</text>`,
    `<text transform="translate(16 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle">${esc(p.yLabel)}</text>`,
  );
  p.lines.forEach((l, i) => {
    // A non-finite value breaks the line (a diverged run), as on screen.
    let d = '';
    let pen = 'M';
    for (const q of l.points) {
      if (!Number.isFinite(q.x) || !Number.isFinite(q.y)) {
        pen = 'M';
        continue;
      }
      d += `${pen}${n(sx(q.x))} ${n(sy(q.y))}`;
      pen = 'L';
    }
    out.push(
      `<path d="${d}" fill="none" stroke="${esc(l.colour)}" stroke-width="1.5" clip-path="url(#plot-area)"><title>${esc(l.label)}</title></path>`,
    );
    const lx = m.left + (i % perRow) * 200;
    const ly = m.top + plotH + m.bottom + Math.floor(i / perRow) * 20 + 10;
    out.push(
      `<rect x="${lx}" y="${ly - 5}" width="14" height="10" fill="${esc(l.colour)}"/>`,
      `<text x="${lx + 20}" y="${ly}" dominant-baseline="middle">${esc(short(l.label))}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
