// The charts' data as uPlot wants it: one array of x values and one array per line, all the same
// length (nulls where a line has no value). Pure, so it is tested without a canvas.

import type { EvalMetrics } from '../../shared/protocol';
import { lttbIndices, smooth } from './downsample';

/** Loss chart columns: step, raw loss, smoothed loss, learning rate. */
export type LossColumns = [step: number[], loss: number[], smoothed: number[], lr: number[]];

/**
 * The loss series reduced to at most `maxPoints` steps (LTTB on the raw loss, so spikes stay);
 * the smoothed curve is computed over every step first, so downsampling does not change it.
 */
export function lossColumns(
  series: { step: ArrayLike<number>; loss: ArrayLike<number>; lr: ArrayLike<number> },
  maxPoints: number,
): LossColumns {
  const smoothed = smooth(series.loss, 0.9);
  const idx = lttbIndices(series.step, series.loss, maxPoints);
  return [
    idx.map((i) => series.step[i]),
    idx.map((i) => series.loss[i]),
    idx.map((i) => smoothed[i]),
    idx.map((i) => series.lr[i]),
  ];
}

/** Per-evaluation columns against the step, in percent; null where a line has no point. */
export interface EvalColumns {
  step: number[];
  train: (number | null)[];
  /** Whole test set at an epoch's end. */
  test: (number | null)[];
  /** A test subset mid-epoch. */
  estimate: (number | null)[];
  top1: number[];
  top5: number[];
}

/** Evaluations in step order (uPlot needs increasing x), accuracies and errors as percentages. */
export function evalColumns(evals: readonly EvalMetrics[]): EvalColumns {
  const sorted = [...evals].sort((a, b) => a.step - b.step);
  const pct = (v: number | null) => (v === null ? null : v * 100);
  return {
    step: sorted.map((e) => e.step),
    train: sorted.map((e) => pct(e.trainAcc)),
    test: sorted.map((e) => (e.kind === 'epoch' ? e.testAcc * 100 : null)),
    estimate: sorted.map((e) => (e.kind === 'estimate' ? e.testAcc * 100 : null)),
    top1: sorted.map((e) => e.top1Error * 100),
    top5: sorted.map((e) => e.top5Error * 100),
  };
}

/** One line of a chart whose lines have x values of their own (runs compared in the lab). */
export type XYLine = readonly { x: number; y: number }[];

/**
 * Lines with x values of their own on one x grid, as uPlot wants: the sorted union of every
 * line's x, each line's y where it has one and null elsewhere (drawn with spanGaps).
 */
export function alignLines(lines: readonly XYLine[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(lines.flatMap((l) => l.map((p) => p.x)).filter(Number.isFinite))].sort(
    (a, b) => a - b,
  );
  const at = new Map(xs.map((x, i) => [x, i]));
  const ys = lines.map((l) => {
    const col: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    // A diverged run's NaN or Infinity is a gap, not a point off the chart.
    for (const p of l) if (at.has(p.x)) col[at.get(p.x)!] = Number.isFinite(p.y) ? p.y : null;
    return col;
  });
  return [xs, ...ys];
}
