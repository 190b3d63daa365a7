import { describe, expect, it } from 'vitest';
import type { EvalMetrics } from '../../shared/protocol';
import { alignLines, evalColumns, lossColumns } from './columns';
import { smooth } from './downsample';

describe('lossColumns', () => {
  it('gives four columns of equal length, one row per step when there are few', () => {
    const cols = lossColumns({ step: [1, 2, 3], loss: [2.3, 2.1, 2.2], lr: [0.01, 0.01, 0.005] }, 600);
    expect(cols[0]).toEqual([1, 2, 3]);
    expect(cols[1]).toEqual([2.3, 2.1, 2.2]);
    expect(cols[2]).toEqual(smooth([2.3, 2.1, 2.2], 0.9));
    expect(cols[3]).toEqual([0.01, 0.01, 0.005]);
  });

  it('downsamples to the bound, keeping the smoothed value of each kept step', () => {
    const n = 5000;
    const step = Array.from({ length: n }, (_, i) => i + 1);
    const loss = step.map((s) => 2 + Math.sin(s / 50));
    const lr = step.map(() => 0.01);
    const [x, raw, sm, rate] = lossColumns({ step, loss, lr }, 600);
    expect(x).toHaveLength(600);
    expect(raw).toHaveLength(600);
    expect(sm).toHaveLength(600);
    expect(rate).toHaveLength(600);
    expect(x[0]).toBe(1);
    expect(x[599]).toBe(n);
    const full = smooth(loss, 0.9);
    expect(sm[300]).toBe(full[x[300] - 1]);
    expect(raw[300]).toBe(loss[x[300] - 1]);
  });

  it('is empty for an empty series', () => {
    expect(lossColumns({ step: [], loss: [], lr: [] }, 600)).toEqual([[], [], [], []]);
  });
});

const ev = (
  step: number,
  kind: EvalMetrics['kind'],
  testAcc: number,
  trainAcc: number | null,
): EvalMetrics => ({
  step,
  epoch: 1,
  kind,
  trainAcc,
  trainLoss: null,
  testAcc,
  testLoss: 2,
  top1Error: 1 - testAcc,
  top5Error: 0.5 - testAcc / 2,
  testCount: 50,
});

describe('evalColumns', () => {
  it('puts epoch results and estimates on lines of their own, in percent, in step order', () => {
    const cols = evalColumns([ev(8, 'epoch', 0.3, 0.25), ev(4, 'estimate', 0.2, null)]);
    expect(cols.step).toEqual([4, 8]);
    expect(cols.train).toEqual([null, 25]);
    expect(cols.test).toEqual([null, 30]);
    expect(cols.estimate).toEqual([20, null]);
    expect(cols.top1[0]).toBeCloseTo(80);
    expect(cols.top1[1]).toBeCloseTo(70);
    expect(cols.top5[1]).toBeCloseTo(35);
  });
});

describe('alignLines', () => {
  it('puts lines with their own x values on one sorted grid, null where a line has none', () => {
    const a = [
      { x: 0, y: 2.3 },
      { x: 10, y: 1.5 },
    ];
    const b = [
      { x: 5, y: 2.0 },
      { x: 10, y: 1.2 },
      { x: 20, y: 0.9 },
    ];
    expect(alignLines([a, b])).toEqual([
      [0, 5, 10, 20],
      [2.3, null, 1.5, null],
      [null, 2.0, 1.2, 0.9],
    ]);
  });

  it('leaves a diverged value (NaN, Infinity) and a non-finite x out as gaps', () => {
    const [xs, ys] = alignLines([
      [
        { x: 1, y: Number.NaN },
        { x: 2, y: Infinity },
        { x: Number.NaN, y: 1 },
        { x: 3, y: 0.5 },
      ],
    ]);
    expect(xs).toEqual([1, 2, 3]);
    expect(ys).toEqual([null, null, 0.5]);
  });

  it('gives an empty grid for no lines', () => {
    expect(alignLines([])).toEqual([[]]);
  });
});
