import { describe, expect, it } from 'vitest';
import { scorecard, verdictOf } from './scorecard';
import { fakeRun } from './testData.testing';

describe('verdictOf (paired t-test, two-sided, 5 %)', () => {
  it('a consistent positive difference is reproduced', () => {
    const v = verdictOf([0.02, 0.025, 0.018]);
    expect(v.verdict).toBe('reproduced');
    expect(v.diff).toBeCloseTo(0.021);
  });
  it('a consistent negative difference is not reproduced', () => {
    expect(verdictOf([-0.03, -0.02, -0.025]).verdict).toBe('not-reproduced');
  });
  it('a difference within the spread is inconclusive', () => {
    // mean 0.01, sd = √0.0007, SE = sd/√3: t ≈ 0.655; df 2: p = 1 − t/√(t² + 2) ≈ 0.580.
    const v = verdictOf([0.04, -0.01, 0]);
    expect(v.verdict).toBe('inconclusive');
    const t = 0.01 / Math.sqrt(0.0007 / 3);
    expect(v.p).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 10);
  });
  it('at the boundary with 2 seeds: t just over 12.71 (df 1) reproduces, just under does not', () => {
    // d = [m − 1, m + 1]: sd = √2, SE = 1, so t = m and the threshold is t(0.975, 1) = 12.706.
    expect(verdictOf([11.72, 13.72]).verdict).toBe('reproduced');
    expect(verdictOf([11.69, 13.69]).verdict).toBe('inconclusive');
    expect(verdictOf([-11.72, -13.72]).verdict).toBe('not-reproduced');
    expect(verdictOf([-11.69, -13.69]).verdict).toBe('inconclusive');
  });
  it('at the boundary with 3 seeds (t 4.30, df 2) and 10 seeds (t 2.26, df 9)', () => {
    // d = m + [−1, 0, 1]: sd = 1, SE = 1/√3.
    const three = (t: number) => [-1, 0, 1].map((e) => e + t / Math.sqrt(3));
    expect(verdictOf(three(4.31)).verdict).toBe('reproduced');
    expect(verdictOf(three(4.29)).verdict).toBe('inconclusive');
    // d = m ± 1, five of each: sd = √(10/9), SE = √(1/9) = 1/3.
    const ten = (t: number) => [...Array(5).fill(-1), ...Array(5).fill(1)].map((e: number) => e + t / 3);
    expect(verdictOf(ten(2.27)).verdict).toBe('reproduced');
    expect(verdictOf(ten(2.25)).verdict).toBe('inconclusive');
    expect(verdictOf(ten(2.262)).p).toBeCloseTo(0.05, 3);
  });
  it('two seeds at 2 standard errors (the old rule) are inconclusive: p ≈ 0.30', () => {
    const v = verdictOf([1.01, 3.01]);
    expect(v.verdict).toBe('inconclusive');
    expect(v.se).toBeCloseTo(1, 12);
    // df 1 (Cauchy): p = 1 − (2/π)·atan(t), t = 2.01.
    expect(v.p).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(2.01), 10);
    expect(v.p).toBeCloseTo(0.2939, 4);
  });
  it('one seed cannot show a spread; none is missing; identical zeros are inconclusive', () => {
    expect(verdictOf([0.5]).verdict).toBe('inconclusive');
    expect(verdictOf([0.5]).p).toBeNull();
    expect(verdictOf([]).verdict).toBe('missing');
    expect(verdictOf([0, 0]).verdict).toBe('inconclusive');
    expect(verdictOf([0, 0]).p).toBe(1);
    // The same nonzero difference on every seed: no spread, t = ∞.
    expect(verdictOf([0.5, 0.5]).verdict).toBe('reproduced');
    expect(verdictOf([0.5, 0.5]).p).toBe(0);
  });
});

describe('scorecard on synthetic runs', () => {
  const seeds = [1, 2, 3];
  const base = seeds.map((s) => fakeRun(`b${s}`, {}, s, { top1: [0.3 + s * 0.001], finalBatchAcc: 0.9 }));
  // LRN off: ~2 points worse on every seed (the paper's 11 % → 13 %).
  const noLrn = seeds.map((s) => fakeRun(`l${s}`, { lrn: false }, s, { top1: [0.32 + s * 0.0012] }));
  // Non-overlapping pooling: better on every seed, i.e. the claim fails.
  const noOvl = seeds.map((s) =>
    fakeRun(`p${s}`, { pooling: 'non-overlapping' }, s, { top1: [0.28 - s * 0.001] }),
  );
  // tanh: learns slower, never reaching 75 % in the run.
  const tanh = seeds.map((s) =>
    fakeRun(`t${s}`, { activation: 'tanh' }, s, { top1: [0.4], finalBatchAcc: 0.6 }),
  );
  const card = scorecard([...base, ...noLrn, ...noOvl, ...tanh], base[0], 0.75);
  const byId = Object.fromEntries(card.map((c) => [c.id, c]));

  it('LRN lowering error on every seed is reproduced', () => {
    expect(byId['lrn-error'].verdict).toBe('reproduced');
    expect(byId['lrn-error'].diff).toBeCloseTo(0.0204, 4);
    expect(byId['lrn-error'].n).toBe(3);
    // d = 0.0202, 0.0204, 0.0206: t = 0.0204 / (0.0002 / √3) ≈ 176.7, df 2.
    expect(byId['lrn-error'].p).toBeGreaterThan(0);
    expect(byId['lrn-error'].p).toBeLessThan(1e-4);
  });
  it('overlapping pooling doing worse on every seed is not reproduced', () => {
    expect(byId['pool-top1'].verdict).toBe('not-reproduced');
  });
  it('ReLU reaching the target while tanh does not is reproduced, with the speed-up as a bound', () => {
    expect(byId['relu-speed'].verdict).toBe('reproduced');
    // ReLU: smoothed 0.1 + 0.8·(i − 9.5)/100 ≥ 0.75 from step 91; tanh: the whole 100 steps.
    expect(byId['relu-speed'].ratio).toBeCloseTo(100 / 91, 5);
  });
  it('claims without the runs they need are missing', () => {
    expect(byId['dropout-gap'].verdict).toBe('missing');
    expect(byId['dropout-cost'].verdict).toBe('missing');
  });
  it('stopped runs are not compared', () => {
    const stopped = noLrn.map((r) => ({ ...r, status: 'stopped' as const }));
    const c = scorecard([...base, ...stopped], base[0], 0.75);
    expect(c.find((x) => x.id === 'lrn-error')!.verdict).toBe('missing');
  });
  it('runs with other settings (epochs) are not compared', () => {
    const other = seeds.map((s) => fakeRun(`o${s}`, { lrn: false }, s, { top1: [0.5, 0.5] }));
    const c = scorecard([...base, ...other], base[0], 0.75);
    expect(c.find((x) => x.id === 'lrn-error')!.verdict).toBe('missing');
  });
});
