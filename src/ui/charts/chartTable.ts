// A chart's text alternative: the plotted columns as table rows (issue #17 part 4). Pure.
import type uPlot from 'uplot';

/** A value as the table shows it: up to 4 significant digits, '—' where the series has none. */
export function cellText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

/**
 * One row per x value (data[0]) with every series' value beside it; rows where no series has a
 * value (gaps between interleaved series) are left out.
 */
export function chartRows(data: uPlot.AlignedData): string[][] {
  const [xs, ...ys] = data;
  const rows: string[][] = [];
  for (let i = 0; i < xs.length; i++) {
    const values = ys.map((y) => y[i]);
    if (values.every((v) => v === null || v === undefined)) continue;
    rows.push([cellText(xs[i]), ...values.map(cellText)]);
  }
  return rows;
}
