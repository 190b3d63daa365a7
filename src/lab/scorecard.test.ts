import { describe, expect, it } from 'vitest';
import { scorecard, verdictOf } from './scorecard';
import { fakeRun } from './testData.testing';

describe('verdictOf (difference beyond 2 standard errors)', () => {
  it('a consistent positive difference is reproduced', () => {
    const v = verdictOf([0.02, 0.025, 0.018]);
    expect(v.verdict).toBe('reproduced');
    expect(v.diff).toBeCloseTo(0.021);
  });
  it('a consistent negative difference is not reproduced', () => {
    expect(verdictOf([-0.03, -0.02, -0.025]).verdict).toBe('not-reproduced');
  });
  it('a difference within the spread is inconclusive', () => {
    // mean 0.01, sd ≈ 0.0265, SE ≈ 0.0153: 0.01 < 2·SE.
    expect(verdictOf([0.04, -0.01, 0]).verdict).toBe('inconclusive');
  });
  it('at the boundary: just over 2 SE reproduces, just under does not', () => {
    // d = [m − 1, m + 1]: sd = √2, SE = 1, so the threshold is D > 2.
    expect(verdictOf([1.01, 3.01]).verdict).toBe('reproduced');
    expect(verdictOf([0.99, 2.99]).verdict).toBe('inconclusive');
  });
  it('one seed cannot show a spread; none is missing; identical zeros are inconclusive', () => {
    expect(verdictOf([0.5]).verdict).toBe('inconclusive');
    expect(verdictOf([]).verdict).toBe('missing');
    expect(verdictOf([0, 0]).verdict).toBe('inconclusive');
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
