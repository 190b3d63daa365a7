import { describe, expect, it } from 'vitest';
import { planImport } from './importPlan';
import { fakeRun } from './testData.testing';

const runs = ['a', 'b', 'c', 'd'].map((id, i) => fakeRun(id, {}, i + 1, { top1: [0.5] }));

describe('planImport', () => {
  it('keeps the new runs once each and counts the others as skipped', () => {
    const plan = planImport([...runs, runs[1]], new Set(['a']));
    expect(plan.ok && plan.fresh.map((r) => r.id)).toEqual(['b', 'c', 'd']);
    expect(plan.ok && plan.skipped).toBe(2);
  });

  it('counts only new runs against the capacity', () => {
    expect(planImport(runs, new Set(['a', 'b', 'x']), 5).ok).toBe(true);
    expect(planImport(runs, new Set(['x', 'y']), 5)).toEqual({
      ok: false,
      problem: { code: 'experiment.tooManyRuns', params: { count: 6, max: 5 } },
    });
  });

  it('refuses a run with too many steps before anything is written, naming it', () => {
    // fakeRun: 100 steps per epoch.
    expect(planImport(runs, new Set(), 100, 99)).toEqual({
      ok: false,
      problem: { code: 'experiment.tooManySteps', params: { run: 1, steps: 100, max: 99 } },
    });
    expect(planImport(runs, new Set(), 100, 100).ok).toBe(true);
  });
});
