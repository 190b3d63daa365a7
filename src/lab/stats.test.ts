import { describe, expect, it } from 'vitest';
import { diffFromBaseline, groupVariants, meanSd, reachedTarget, summarize } from './stats';
import { fakeRun } from './testData.testing';

describe('meanSd', () => {
  it('gives the mean and the sample standard deviation', () => {
    const s = meanSd([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.138, 3);
    expect(s.n).toBe(8);
  });
  it('one value has sd 0; no value has no spread; non-finite values are ignored', () => {
    expect(meanSd([3])).toEqual({ mean: 3, sd: 0, n: 1 });
    expect(meanSd([])).toBeNull();
    expect(meanSd([1, NaN, 3])).toEqual({ mean: 2, sd: Math.SQRT2, n: 2 });
  });
});

describe('summarize', () => {
  const run = fakeRun('a', {}, 1, { top1: [0.6, 0.4, 0.45], trainAcc: [0.4, 0.7, 0.8], finalBatchAcc: 0.9 });
  it('final and best errors and the train–test gap come from the epoch ends', () => {
    const s = summarize(run, 0.75);
    expect(s.finalTop1).toBe(0.45);
    expect(s.bestTop1).toBe(0.4);
    expect(s.finalTop5).toBeCloseTo(0.1125);
    expect(s.bestTop5).toBeCloseTo(0.1);
    expect(s.gap).toBeCloseTo(0.8 - 0.55);
    expect(s.totalSteps).toBe(300);
    expect(s.seconds).toBe(300);
    expect(s.imagesPerSec).toBe(20);
  });
  it('finds when the smoothed training accuracy first reaches the target', () => {
    // batchAcc = 0.1 + 0.8·i/300; the 20-step mean at step i is that at i − 9.5 ⇒ ≥ 0.75 from i = 254.
    const r = reachedTarget(run, 0.75)!;
    expect(r.step).toBe(254);
    expect(r.seconds).toBe(254);
    expect(r.epoch).toBeCloseTo(2.54);
    expect(summarize(run, 0.75).stepsToTargetCensored).toBe(254);
  });
  it('a target never reached gives null and the run length as a lower bound', () => {
    expect(reachedTarget(run, 0.95)).toBeNull();
    expect(summarize(run, 0.95).stepsToTargetCensored).toBe(300);
  });
});

describe('groups and baseline differences', () => {
  it('groups seeds of one variant and differences their means', () => {
    const runs = [
      fakeRun('b1', {}, 1, { top1: [0.4] }),
      fakeRun('n1', { lrn: false }, 1, { top1: [0.5] }),
      fakeRun('b2', {}, 2, { top1: [0.42] }),
      fakeRun('n2', { lrn: false }, 2, { top1: [0.56] }),
    ];
    const g = groupVariants(runs, 0.75);
    expect(g).toHaveLength(2);
    expect(g[0].runs.map((r) => r.id)).toEqual(['b1', 'b2']);
    expect(diffFromBaseline(g[1].summaries, g[0].summaries, 'finalTop1')).toBeCloseTo(0.12);
  });
});
