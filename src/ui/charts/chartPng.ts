// PNG export of the live charts (uPlot draws on a canvas) and the confusion matrix (an HTML
// table, drawn here from its numbers). The page's colours are used, so a dark page gives a dark
// picture; a solid background is painted, as a transparent PNG reads badly on slides.

function pageColours(): { bg: string; fg: string; accent: string } {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { bg: v('--surface', '#fff'), fg: v('--fg', '#1b1f24'), accent: '31, 95, 191' };
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

function newCanvas(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  return [canvas, ctx];
}

export interface LegendEntry {
  label: string;
  colour: string;
}

/** A uPlot chart's canvas under its title and a legend line (the legend is HTML on the page). */
export function plotPng(plot: HTMLCanvasElement, title: string, legend: LegendEntry[]): Promise<Blob> {
  const { bg, fg } = pageColours();
  const dpr = plot.width / Math.max(1, plot.getBoundingClientRect().width || plot.width);
  const line = 22 * dpr;
  const [canvas, ctx] = newCanvas(plot.width, plot.height + 2 * line);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = fg;
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${14 * dpr}px system-ui, sans-serif`;
  ctx.fillText(title, 8 * dpr, line / 2);
  ctx.font = `${12 * dpr}px system-ui, sans-serif`;
  let x = 8 * dpr;
  for (const e of legend) {
    ctx.fillStyle = e.colour;
    ctx.fillRect(x, line * 1.5 - 2 * dpr, 16 * dpr, 4 * dpr);
    x += 20 * dpr;
    ctx.fillStyle = fg;
    ctx.fillText(e.label, x, line * 1.5);
    x += ctx.measureText(e.label).width + 16 * dpr;
  }
  ctx.drawImage(plot, 0, 2 * line);
  return toPng(canvas);
}

/**
 * The confusion matrix as a picture: `counts` is row-major [true class][predicted class]
 * (classes × classes), cells shaded by their share of the row, like the table on the page.
 */
export function confusionPng(
  counts: ArrayLike<number>,
  names: string[],
  perClassAcc: ArrayLike<number>,
  title: string,
  corner: string,
  accHeader: string,
): Promise<Blob> {
  const { bg, fg, accent } = pageColours();
  const k = names.length;
  const scale = 2; // sharper on slides
  const cell = 52;
  const head = 96;
  const accWidth = 80;
  const top = 34;
  const [canvas, ctx] = newCanvas(
    (head + k * cell + accWidth + 8) * scale,
    (top + head + k * cell + 8) * scale,
  );
  ctx.scale(scale, scale);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = fg;
  ctx.textBaseline = 'middle';
  ctx.font = 'bold 15px system-ui, sans-serif';
  ctx.fillText(title, 8, top / 2);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(corner, 8, top + head - 12);
  ctx.textAlign = 'center';
  ctx.fillText(accHeader, head + k * cell + accWidth / 2, top + head - 12);
  // Predicted classes across the top, slanted so long names fit.
  for (let p = 0; p < k; p++) {
    ctx.save();
    ctx.translate(head + p * cell + cell / 2, top + head - 8);
    ctx.rotate(-Math.PI / 4);
    ctx.textAlign = 'left';
    ctx.fillText(names[p], 0, 0);
    ctx.restore();
  }
  for (let tr = 0; tr < k; tr++) {
    let sum = 0;
    for (let p = 0; p < k; p++) sum += counts[tr * k + p];
    const y = top + head + tr * cell;
    ctx.textAlign = 'right';
    ctx.fillStyle = fg;
    ctx.fillText(names[tr], head - 6, y + cell / 2);
    for (let p = 0; p < k; p++) {
      const v = counts[tr * k + p];
      const frac = v / Math.max(1, sum);
      const x = head + p * cell;
      ctx.fillStyle = `rgba(${accent}, ${frac.toFixed(3)})`;
      ctx.fillRect(x, y, cell, cell);
      ctx.strokeStyle = 'rgba(128, 128, 128, 0.4)';
      ctx.strokeRect(x, y, cell, cell);
      ctx.fillStyle = frac > 0.5 ? '#fff' : fg;
      ctx.textAlign = 'center';
      ctx.fillText(String(v), x + cell / 2, y + cell / 2);
    }
    const acc = perClassAcc[tr];
    ctx.fillStyle = fg;
    ctx.fillText(
      Number.isNaN(acc) ? '—' : `${(100 * acc).toFixed(1)} %`,
      head + k * cell + accWidth / 2,
      y + cell / 2,
    );
  }
  return toPng(canvas);
}
