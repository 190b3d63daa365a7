// Lessons: one click each, an ablation-queue plan with a claim (the paper's or the seed's), the
// quick-mode sizes it trains at, and the verdict rule over its finished runs. Pure data and
// functions; the texts are i18n keys (`lesson_<id>_*` in src/ui/i18n/en.ts and zh.ts).
//
// THE VERDICT. A lesson's first variant is its reference; every other variant's settings are the
// reference run's settings with that variant's change. Runs are found by variantKey (every setting
// but the seed), so a lesson's runs are recognised whatever the page's settings are now. Each
// comparison pairs two variants by seed and applies the scorecard's paired t-test (verdictOf);
// until every variant has a finished run the lesson says how many runs are still needed.

import type { Activation, ModelWidth, Preprocess, RunSettings } from '../shared/types';
import { seedsFor, variantKey, type PlannedRun } from './plan';
import { byVariant, CLAIMS, comparePaired, type ClaimId, type Verdict } from './scorecard';
import { fieldSpread, summarize, type RunSummary, type Summarizable, type SummaryField } from './stats';

export type LessonId = 'relu' | 'lrn' | 'pooling' | 'dropout' | 'overfit' | 'preprocess';

export interface LessonVariant {
  /** The run's variant label (queue, run names): English data like the queue's "no LRN". */
  label: string;
  /** The variant's settings from the reference's (returns the same values for the reference). */
  apply(base: RunSettings): RunSettings;
  /** For the (e) chart: which axis this variant belongs to and its x value. */
  chart?: { axis: 'width' | 'images'; x: number };
}

export interface LessonComparison {
  /** i18n key suffix: `lessonCmp_<id>`. */
  id: string;
  /** Indices into the lesson's variants: A (the claim's choice) and B (what it is compared with). */
  a: number;
  b: number;
  /** Positive = what the claim says, from the two runs' summaries of one seed. */
  measure(a: RunSummary, b: RunSummary): number | null;
  /** A ratio to show beside the difference (speed claims), or none. */
  ratio?(a: RunSummary, b: RunSummary): number | null;
  /** How the difference is shown: log of a step ratio, or points of accuracy / error. */
  unit: 'log' | 'points';
}

export interface Lesson {
  id: LessonId;
  /**
   * The quick-mode sizes, epochs and batch size the lesson trains at: minutes on a laptop. Batch
   * 32 gives four times the updates of the paper's 128 per epoch, so a few epochs on a small
   * subset get far enough along for the differences (steps to a target, overfitting) to show.
   */
  quick: { train: number; test: number; epochs: number; batch: number };
  variants: LessonVariant[];
  comparisons: LessonComparison[];
  /** Per-variant figures shown beside the verdicts (mean over seeds). */
  figures: SummaryField[];
}

const claim = (id: ClaimId) => CLAIMS.find((c) => c.id === id)!;

/** A comparison taken from the scorecard's claim: its variants are [paper's choice, alternative]. */
function fromClaim(id: ClaimId, unit: LessonComparison['unit']): LessonComparison {
  const c = claim(id);
  return { id, a: 0, b: 1, measure: c.measure, ratio: c.ratio, unit };
}

const config = (patch: Partial<RunSettings['config']>) => (s: RunSettings) => ({
  ...s,
  config: { ...s.config, ...patch },
});
/** The paper's figure 1 network for `activation`: no dropout and no weight decay. */
const figure1 = (activation: Activation) => (s: RunSettings) => ({
  ...s,
  config: { ...s.config, activation, dropout: false },
  optimizer: { ...s.optimizer, weightDecay: 0 },
});
const withWidth = (width: ModelWidth) => config({ width });
const withPreprocess = (preprocess: Preprocess) => (s: RunSettings) => ({
  ...s,
  data: { ...s.data, preprocess },
});
/** A fraction of the reference's quick-mode training images (at least one). */
const withImages = (fraction: number) => (s: RunSettings) => ({
  ...s,
  data: { ...s.data, quickTrain: Math.max(1, Math.round(s.data.quickTrain * fraction)) },
});

const sub = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);

export const LESSONS: readonly Lesson[] = [
  {
    // (a) Figure 1: ReLU reaches 25 % training error six times faster than tanh. As in the
    // figure, "no regularization of any kind": no dropout, no weight decay (with them a small
    // subset was still far from the target after 12 epochs in a trial at width ×¼).
    id: 'relu',
    quick: { train: 500, test: 500, epochs: 15, batch: 32 },
    variants: [
      { label: 'Lesson a · ReLU', apply: figure1('relu') },
      { label: 'Lesson a · tanh', apply: figure1('tanh') },
    ],
    comparisons: [fromClaim('relu-speed', 'log')],
    figures: ['stepsToTargetCensored', 'finalTrainAcc'],
  },
  {
    // (b) LRN: top-1 / top-5 error 1.4 / 1.2 points lower.
    id: 'lrn',
    quick: { train: 1000, test: 500, epochs: 4, batch: 32 },
    variants: [
      { label: 'Lesson b · LRN', apply: config({ lrn: true }) },
      { label: 'Lesson b · no LRN', apply: config({ lrn: false }) },
    ],
    comparisons: [
      fromClaim('lrn-error', 'points'),
      { id: 'lrn-top5', a: 0, b: 1, measure: (a, b) => sub(b.finalTop5, a.finalTop5), unit: 'points' },
    ],
    figures: ['finalTop1', 'finalTop5'],
  },
  {
    // (c) Overlapping pooling: top-1 / top-5 0.4 / 0.3 points lower, slightly harder to overfit.
    id: 'pooling',
    quick: { train: 1000, test: 500, epochs: 4, batch: 32 },
    variants: [
      { label: 'Lesson c · overlapping pooling', apply: config({ pooling: 'overlapping' }) },
      { label: 'Lesson c · non-overlapping pooling', apply: config({ pooling: 'non-overlapping' }) },
    ],
    comparisons: [
      fromClaim('pool-top1', 'points'),
      fromClaim('pool-top5', 'points'),
      fromClaim('pool-overfit', 'points'),
    ],
    figures: ['finalTop1', 'finalTop5', 'gap'],
  },
  {
    // (d) Dropout: substantially less overfitting, about twice the iterations to converge.
    id: 'dropout',
    // Like (a): its second claim is about steps to the target training accuracy.
    quick: { train: 500, test: 500, epochs: 12, batch: 32 },
    variants: [
      { label: 'Lesson d · dropout', apply: config({ dropout: true }) },
      { label: 'Lesson d · no dropout', apply: config({ dropout: false }) },
    ],
    comparisons: [fromClaim('dropout-gap', 'points'), fromClaim('dropout-cost', 'log')],
    figures: ['gap', 'stepsToTargetCensored'],
  },
  {
    // (e) The seed's reimplementation overfit (94 % train, 67 % test); its fixes: a smaller
    // model, more data. The reference (×1, all the lesson's images) is on both axes.
    id: 'overfit',
    quick: { train: 1000, test: 500, epochs: 6, batch: 32 },
    variants: [
      { label: 'Lesson e · width ×1, all images', apply: withWidth('1'), chart: { axis: 'width', x: 1 } },
      { label: 'Lesson e · width ×½', apply: withWidth('1/2'), chart: { axis: 'width', x: 0.5 } },
      { label: 'Lesson e · width ×¼', apply: withWidth('1/4'), chart: { axis: 'width', x: 0.25 } },
      { label: 'Lesson e · ½ of the images', apply: withImages(0.5), chart: { axis: 'images', x: 0.5 } },
      { label: 'Lesson e · ¼ of the images', apply: withImages(0.25), chart: { axis: 'images', x: 0.25 } },
    ],
    comparisons: [
      // A = the smaller model (×¼), B = ×1: positive when ×1 overfits more.
      { id: 'overfit-width', a: 2, b: 0, measure: (a, b) => sub(b.gap, a.gap), unit: 'points' },
      // A = all images, B = ¼ of them: positive when fewer images overfit more.
      { id: 'overfit-data', a: 0, b: 4, measure: (a, b) => sub(b.gap, a.gap), unit: 'points' },
    ],
    figures: ['gap', 'finalTrainAcc', 'finalTestAcc'],
  },
  {
    // (f) The seed's preprocessing proposal: per-pixel mean subtraction, ZCA whitening.
    id: 'preprocess',
    quick: { train: 1000, test: 500, epochs: 4, batch: 32 },
    variants: [
      { label: 'Lesson f · per-channel normalisation', apply: withPreprocess('channel') },
      { label: 'Lesson f · per-pixel mean', apply: withPreprocess('pixel-mean') },
      { label: 'Lesson f · ZCA whitening', apply: withPreprocess('zca') },
    ],
    comparisons: [
      {
        id: 'preprocess-mean',
        a: 1,
        b: 0,
        measure: (a, b) => sub(a.finalTestAcc, b.finalTestAcc),
        unit: 'points',
      },
      {
        id: 'preprocess-zca',
        a: 2,
        b: 0,
        measure: (a, b) => sub(a.finalTestAcc, b.finalTestAcc),
        unit: 'points',
      },
    ],
    figures: ['finalTestAcc', 'gap'],
  },
];

export function lessonById(id: LessonId): Lesson {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

/**
 * The reference settings a lesson trains from: the page's settings in quick mode, at the
 * lesson's own sizes, epochs and batch size unless `ownSizes` is false (then the page's: a test
 * or a slow machine can make a lesson tiny).
 */
export function lessonBase(lesson: Lesson, page: RunSettings, ownSizes = true): RunSettings {
  const sized = ownSizes
    ? {
        ...page,
        data: { ...page.data, quick: true, quickTrain: lesson.quick.train, quickTest: lesson.quick.test },
        optimizer: { ...page.optimizer, batchSize: lesson.quick.batch },
        epochs: lesson.quick.epochs,
      }
    : { ...page, data: { ...page.data, quick: true } };
  return lesson.variants[0].apply(sized);
}

/** The queue plan: every variant for the first seed, then every variant for the next (as expandPlan). */
export function lessonPlan(lesson: Lesson, base: RunSettings, seeds: number): PlannedRun[] {
  const out: PlannedRun[] = [];
  for (const seed of seedsFor(base.seed, seeds))
    lesson.variants.forEach((v, i) => {
      out.push({ label: v.label, settings: { ...v.apply(base), seed }, baseline: i === 0 });
    });
  return out;
}

export interface VariantResult {
  label: string;
  /** Finished runs of the variant (one per seed counts). */
  runs: number;
  /** Mean over the seeds of each of the lesson's figures; null when no run has it. */
  figures: Partial<Record<SummaryField, number | null>>;
  /** True when every run of the variant reached the target (for steps to the target). */
  reached: boolean;
  chart?: LessonVariant['chart'];
}

export interface ComparisonResult {
  id: string;
  verdict: Verdict;
  diff: number | null;
  se: number | null;
  p: number | null;
  n: number;
  ratio: number | null;
  unit: LessonComparison['unit'];
}

export interface LessonResult {
  /** No finished reference run yet: nothing to compare with. */
  started: boolean;
  /** The reference run's settings (the latest finished run of the first variant), or null. */
  reference: RunSettings | null;
  /** Variants with no finished run yet: the verdicts wait for them. */
  missing: number;
  variants: VariantResult[];
  comparisons: ComparisonResult[];
}

/**
 * The lesson's verdicts from the runs. The reference is the latest finished run labelled as the
 * lesson's first variant; `target` is the training accuracy of the speed figures (0.75).
 */
export function lessonResult(lesson: Lesson, runs: Summarizable[], target: number): LessonResult {
  const finished = runs.filter((r) => r.status === 'done');
  const reference = [...finished].reverse().find((r) => r.variant === lesson.variants[0].label) ?? null;
  const byKey = reference ? byVariant(finished) : new Map<string, Summarizable[]>();
  // Each variant's runs by seed (the latest run of a seed wins), from the reference's settings.
  const bySeed = lesson.variants.map((v) => {
    const m = new Map<number, RunSummary>();
    if (!reference) return m;
    const key = variantKey({ ...v.apply(reference.settings), seed: reference.settings.seed });
    for (const r of byKey.get(key) ?? []) m.set(r.settings.seed, summarize(r, target));
    return m;
  });
  const variants = lesson.variants.map((v, i): VariantResult => {
    const list = [...bySeed[i].values()];
    const figures: VariantResult['figures'] = {};
    for (const f of lesson.figures) figures[f] = fieldSpread(list, f)?.mean ?? null;
    return {
      label: v.label,
      runs: list.length,
      figures,
      reached: list.length > 0 && list.every((s) => s.toTarget !== null),
      chart: v.chart,
    };
  });
  const missing = variants.filter((v) => v.runs === 0).length;
  const comparisons = lesson.comparisons.map((c): ComparisonResult => ({
    id: c.id,
    ...comparePaired(bySeed[c.a], bySeed[c.b], c.measure, c.ratio),
    unit: c.unit,
  }));
  return {
    started: reference !== null,
    reference: reference?.settings ?? null,
    missing: reference ? missing : lesson.variants.length,
    variants,
    comparisons,
  };
}
