import { describe, expect, it } from 'vitest';
import { LESSONS, lessonBase, lessonById, lessonPlan, lessonResult } from './lessons';
import { baseSettings, fakeRun } from './testData.testing';
import { validateSettings } from './validate';
import { variantKey, type PlannedRun } from './plan';
import type { RunRecord } from './record';
import { DEFAULT_SETTINGS } from '../shared/settings';

/** A finished run of a planned item, with the given per-epoch top-1 errors and train accuracies. */
function runOf(p: PlannedRun, id: string, opts: Parameters<typeof fakeRun>[3]): RunRecord {
  const rec = fakeRun(id, {}, p.settings.seed, opts);
  return { ...rec, settings: p.settings, variant: p.label };
}

const page = DEFAULT_SETTINGS;

describe('lessons', () => {
  it('every plan is valid against the settings table, in quick mode at the lesson sizes', () => {
    for (const lesson of LESSONS) {
      const base = lessonBase(lesson, page);
      const plan = lessonPlan(lesson, base, 2);
      expect(plan).toHaveLength(lesson.variants.length * 2);
      // Seed-major: every variant for seed 1, then for seed 2; the reference is the baseline.
      expect(plan.map((p) => p.settings.seed)).toEqual([
        ...lesson.variants.map(() => page.seed),
        ...lesson.variants.map(() => page.seed + 1),
      ]);
      expect(plan.filter((p) => p.baseline).map((p) => p.label)).toEqual([
        lesson.variants[0].label,
        lesson.variants[0].label,
      ]);
      for (const p of plan) {
        const v = validateSettings(JSON.parse(JSON.stringify(p.settings)));
        expect(v.ok, `${lesson.id} ${p.label}`).toBe(true);
        expect(p.settings.data.quick).toBe(true);
        expect(p.settings.epochs).toBe(lesson.quick.epochs);
        expect(p.settings.data.quickTest).toBe(lesson.quick.test);
        expect(p.settings.optimizer.batchSize).toBe(lesson.quick.batch);
      }
      // The variants are distinct experiments.
      const keys = new Set(
        plan.filter((p) => p.settings.seed === page.seed).map((p) => variantKey(p.settings)),
      );
      expect(keys.size, lesson.id).toBe(lesson.variants.length);
    }
  });

  it('each lesson varies what its claim is about', () => {
    const base = (id: Parameters<typeof lessonById>[0]) =>
      lessonPlan(lessonById(id), lessonBase(lessonById(id), page), 1).map((p) => p.settings);
    expect(base('relu').map((s) => s.config.activation)).toEqual(['relu', 'tanh']);
    // Figure 1's networks had no regularisation: no dropout, no weight decay, in both variants.
    expect(base('relu').map((s) => [s.config.dropout, s.optimizer.weightDecay])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    expect(base('lrn').map((s) => s.config.lrn)).toEqual([true, false]);
    expect(base('pooling').map((s) => s.config.pooling)).toEqual(['overlapping', 'non-overlapping']);
    expect(base('dropout').map((s) => s.config.dropout)).toEqual([true, false]);
    const e = base('overfit');
    expect(e.map((s) => s.config.width)).toEqual(['1', '1/2', '1/4', '1', '1']);
    expect(e.map((s) => s.data.quickTrain)).toEqual([1000, 1000, 1000, 500, 250]);
    expect(base('preprocess').map((s) => s.data.preprocess)).toEqual(['channel', 'pixel-mean', 'zca']);
  });

  it("uses the page's quick-mode sizes and epochs when asked (a tiny lesson for a slow machine)", () => {
    const tiny = {
      ...page,
      epochs: 1,
      optimizer: { ...page.optimizer, batchSize: 10 },
      data: { ...page.data, quick: false, quickTrain: 40, quickTest: 20 },
    };
    const plan = lessonPlan(lessonById('overfit'), lessonBase(lessonById('overfit'), tiny, false), 1);
    expect(plan.map((p) => p.settings.data.quickTrain)).toEqual([40, 40, 40, 20, 10]);
    expect(
      plan.every((p) => p.settings.data.quick && p.settings.epochs === 1 && p.settings.data.quickTest === 20),
    ).toBe(true);
  });

  it('says runs are needed until every variant has a finished run', () => {
    const lesson = lessonById('lrn');
    const plan = lessonPlan(lesson, lessonBase(lesson, page), 1);
    const none = lessonResult(lesson, [], 0.75);
    expect(none.started).toBe(false);
    expect(none.reference).toBeNull();
    expect(none.missing).toBe(2);
    expect(none.comparisons.every((c) => c.verdict === 'missing')).toBe(true);
    const ref = runOf(plan[0], 'r0', { top1: [0.6, 0.5] });
    const one = lessonResult(lesson, [ref], 0.75);
    expect(one.started).toBe(true);
    expect(one.reference).toBe(ref.settings);
    expect(one.missing).toBe(1);
    expect(one.variants.map((v) => v.runs)).toEqual([1, 0]);
    expect(one.comparisons.map((c) => c.verdict)).toEqual(['missing', 'missing']);
    // A run of the other variant that is still training does not count.
    const training = { ...runOf(plan[1], 'r1', { top1: [0.7] }), status: 'training' as const };
    expect(lessonResult(lesson, [ref, training], 0.75).missing).toBe(1);
    // A run of the other variant on other settings (another preset) is not this lesson's.
    const other = runOf({ ...plan[1], settings: { ...plan[1].settings, epochs: 9 } }, 'r2', { top1: [0.7] });
    expect(lessonResult(lesson, [ref, other], 0.75).missing).toBe(1);
  });

  it('LRN: one seed measures the difference but stays inconclusive; three consistent seeds reproduce it', () => {
    const lesson = lessonById('lrn');
    const plan = lessonPlan(lesson, lessonBase(lesson, page), 3);
    // Top-1 by seed 1, 2, 3: LRN on 0.50, 0.51, 0.49; off 0.53, 0.545, 0.52. Top-5: 0.20 vs 0.21.
    const on = [0.5, 0.51, 0.49];
    const off = [0.53, 0.545, 0.52];
    const runs = plan.map((p, i) => {
      const lrn = p.settings.config.lrn;
      const top1 = (lrn ? on : off)[p.settings.seed - page.seed];
      return runOf(p, `r${i}`, { top1: [0.8, top1], top5: [0.3, lrn ? 0.2 : 0.21] });
    });
    const first = lessonResult(lesson, runs.slice(0, 2), 0.75);
    expect(first.missing).toBe(0);
    expect(first.comparisons[0].verdict).toBe('inconclusive');
    expect(first.comparisons[0].n).toBe(1);
    expect(first.comparisons[0].diff).toBeCloseTo(0.03, 10);
    const all = lessonResult(lesson, runs, 0.75);
    expect(all.comparisons.map((c) => c.n)).toEqual([3, 3]);
    expect(all.comparisons[0].diff).toBeCloseTo(0.095 / 3, 10);
    expect(all.comparisons.map((c) => c.verdict)).toEqual(['reproduced', 'reproduced']);
    expect(all.comparisons[0].p).toBeLessThan(0.05);
    expect(all.comparisons[1].diff).toBeCloseTo(0.01, 10);
    expect(all.variants[0].figures.finalTop1).toBeCloseTo(0.5, 10);
    expect(all.variants[1].figures.finalTop1).toBeCloseTo(1.595 / 3, 10);
  });

  it('ReLU vs tanh: steps to the target per activation, and the speed-up', () => {
    const lesson = lessonById('relu');
    const plan = lessonPlan(lesson, lessonBase(lesson, page), 1);
    // fakeRun's batch accuracy climbs linearly from 0.1 to finalBatchAcc over 100 steps per epoch.
    const relu = runOf(plan[0], 'relu', { top1: [0.5, 0.4], finalBatchAcc: 0.9 });
    const tanh = runOf(plan[1], 'tanh', { top1: [0.6, 0.5], finalBatchAcc: 0.5 });
    const r = lessonResult(lesson, [relu, tanh], 0.75);
    const [reluRes, tanhRes] = r.variants;
    // ReLU: 0.1 + 0.8·i/200 ≥ 0.75 from i = 163 on (the 20-step mean lags by 9.5 steps → 172).
    expect(reluRes.reached).toBe(true);
    expect(reluRes.figures.stepsToTargetCensored).toBe(172);
    // tanh never gets there: its 200 steps are a lower bound.
    expect(tanhRes.reached).toBe(false);
    expect(tanhRes.figures.stepsToTargetCensored).toBe(200);
    expect(r.comparisons[0].ratio).toBeCloseTo(200 / 172, 10);
    expect(r.comparisons[0].diff).toBeCloseTo(Math.log(200 / 172), 10);
    expect(r.comparisons[0].verdict).toBe('inconclusive');
  });

  it('overfitting: the train–test gap per width and per training-set size', () => {
    const lesson = lessonById('overfit');
    const plan = lessonPlan(lesson, lessonBase(lesson, page), 2);
    // Gap (train − test accuracy) at the last epoch: ×1 0.30, ×½ 0.20, ×¼ 0.10; ½ data 0.40, ¼ 0.50.
    const gaps = [0.3, 0.2, 0.1, 0.4, 0.5];
    const runs = plan.map((p, i) => {
      const v = i % lesson.variants.length;
      const jitter = p.settings.seed === page.seed ? 0.01 : -0.005;
      return runOf(p, `e${i}`, { top1: [0.6], trainAcc: [0.4 + gaps[v] + jitter] });
    });
    const r = lessonResult(lesson, runs, 0.75);
    expect(r.missing).toBe(0);
    r.variants.forEach((v, i) => expect(v.figures.gap, v.label).toBeCloseTo(gaps[i] + 0.0025, 10));
    expect(r.variants.map((v) => v.chart?.axis)).toEqual(['width', 'width', 'width', 'images', 'images']);
    // ×1 overfits 0.2 more than ×¼; ¼ of the data 0.2 more than all of it (same jitter per seed).
    const [width, data] = r.comparisons;
    expect(width.diff).toBeCloseTo(0.2, 10);
    expect(data.diff).toBeCloseTo(0.2, 10);
    // Identical paired differences: se 0, so p = 0 and the seed's fix is reproduced.
    expect(width.verdict).toBe('reproduced');
    expect(data.verdict).toBe('reproduced');
  });

  it('preprocessing: test accuracy and gap per input option; the other direction is "not reproduced"', () => {
    const lesson = lessonById('preprocess');
    const plan = lessonPlan(lesson, lessonBase(lesson, page), 3);
    const test = [0.4, 0.45, 0.3];
    const runs = plan.map((p, i) => {
      const v = i % 3;
      const acc = test[v] + (p.settings.seed - page.seed) * 0.002 * (v + 1);
      return runOf(p, `f${i}`, { top1: [1 - acc], trainAcc: [acc + 0.1] });
    });
    const r = lessonResult(lesson, runs, 0.75);
    expect(r.variants.map((v) => v.figures.finalTestAcc)).toEqual([
      expect.closeTo(0.402, 10),
      expect.closeTo(0.454, 10),
      expect.closeTo(0.306, 10),
    ]);
    expect(r.variants.every((v) => Math.abs((v.figures.gap ?? 0) - 0.1) < 1e-9)).toBe(true);
    expect(r.comparisons.map((c) => c.verdict)).toEqual(['reproduced', 'not-reproduced']);
  });

  it('takes the latest reference run, so an older lesson on other settings does not mix in', () => {
    const lesson = lessonById('dropout');
    const old = lessonPlan(lesson, lessonBase(lesson, { ...baseSettings(), epochs: 7 }, false), 1);
    const now = lessonPlan(lesson, lessonBase(lesson, page), 1);
    const runs = [
      runOf(old[0], 'o0', { top1: [0.5] }),
      runOf(old[1], 'o1', { top1: [0.5] }),
      runOf(now[0], 'n0', { top1: [0.5] }),
    ];
    const r = lessonResult(lesson, runs, 0.75);
    expect(r.variants.map((v) => v.runs)).toEqual([1, 0]);
    expect(r.missing).toBe(1);
  });
});
