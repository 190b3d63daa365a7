// The paper-claim scorecard: each claim of the AlexNet paper about one innovation, what the
// runs measured, and a verdict. Pure.
//
// THE VERDICT RULE. For a claim comparing config A (innovation on) with config B (innovation
// off, or tanh instead of ReLU), both otherwise equal to the baseline's settings:
//   1. For each seed trained with both A and B, d_i = (B's value − A's value), signed so that a
//      positive d_i is what the paper claims (e.g. B's test error − A's test error for LRN).
//      Same seed ⇒ same data order and initial weights, so pairing by seed removes that noise.
//   2. D = mean(d_i); SE = sd(d_i) / √n (sample sd); t = D / SE. A paired Student t-test,
//      two-sided, 5 %: p = P(|T| ≥ |t|) with T ~ t(n − 1). With fewer than 2 paired seeds the
//      spread is unknown and the verdict is `inconclusive`.
//   3. p < 0.05 and D > 0 ⇒ `reproduced`; p < 0.05 and D < 0 ⇒ `not-reproduced`; otherwise
//      `inconclusive`. With few seeds the bar is high: |t| must pass 12.71 with 2 seeds, 4.30
//      with 3, 2.26 with 10 (a rule of "2 standard errors" meant p ≈ 0.30 with 2 seeds).
//   No runs for A or B ⇒ `missing`.

import type { ModelConfig } from '../shared/types';
import { variantKey } from './plan';
import { meanSd, summarize, type RunSummary, type Summarizable } from './stats';
import { twoSidedP } from './studentT';

export type Verdict = 'reproduced' | 'not-reproduced' | 'inconclusive' | 'missing';

export type ClaimId =
  'relu-speed' | 'lrn-error' | 'pool-top1' | 'pool-top5' | 'pool-overfit' | 'dropout-gap' | 'dropout-cost';

export interface ClaimResult {
  id: ClaimId;
  verdict: Verdict;
  /** Mean paired difference D in the claim's direction, in the claim's unit; null when missing. */
  diff: number | null;
  se: number | null;
  /** Two-sided p-value of the paired t-test (n − 1 degrees of freedom); null below 2 seeds. */
  p: number | null;
  /** Seeds with both runs. */
  n: number;
  /** Extra measured figure: the speed-up factors (relu-speed, dropout-cost). */
  ratio: number | null;
}

/** Significance level of the paired t-test. */
export const ALPHA = 0.05;

/** The rule above, on paired differences already signed in the claim's direction. */
export function verdictOf(d: number[]): {
  verdict: Verdict;
  diff: number | null;
  se: number | null;
  p: number | null;
} {
  const s = meanSd(d);
  if (!s) return { verdict: 'missing', diff: null, se: null, p: null };
  if (s.n < 2) return { verdict: 'inconclusive', diff: s.mean, se: null, p: null };
  const se = s.sd / Math.sqrt(s.n);
  // se = 0: identical differences; t = ±∞ (p = 0) unless they are all 0 (t = NaN, p = 1).
  const t = s.mean === 0 ? 0 : s.mean / se;
  const p = twoSidedP(t, s.n - 1);
  const verdict: Verdict =
    p < ALPHA && s.mean > 0 ? 'reproduced' : p < ALPHA && s.mean < 0 ? 'not-reproduced' : 'inconclusive';
  return { verdict, diff: s.mean, se, p };
}

interface ClaimDef {
  id: ClaimId;
  /** A: the paper's choice; B: the alternative it was compared with. */
  a: Partial<ModelConfig>;
  b: Partial<ModelConfig>;
  /** Positive = the paper's claim, from the two runs' summaries. */
  measure(a: RunSummary, b: RunSummary): number | null;
  ratio?(a: RunSummary, b: RunSummary): number | null;
}

const sub = (x: number | null, y: number | null) => (x === null || y === null ? null : x - y);
const div = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : x / y);

export const CLAIMS: ClaimDef[] = [
  {
    // Figure 1: ReLU reaches 25 % training error ~6× faster than tanh. Measured on log steps, so
    // a factor of 2 counts the same whichever way round; unreached = the run's length (a bound).
    id: 'relu-speed',
    a: { activation: 'relu' },
    b: { activation: 'tanh' },
    measure: (a, b) =>
      a.stepsToTargetCensored && b.stepsToTargetCensored
        ? Math.log(b.stepsToTargetCensored / a.stepsToTargetCensored)
        : null,
    ratio: (a, b) => div(b.stepsToTargetCensored, a.stepsToTargetCensored),
  },
  { id: 'lrn-error', a: { lrn: true }, b: { lrn: false }, measure: (a, b) => sub(b.finalTop1, a.finalTop1) },
  {
    id: 'pool-top1',
    a: { pooling: 'overlapping' },
    b: { pooling: 'non-overlapping' },
    measure: (a, b) => sub(b.finalTop1, a.finalTop1),
  },
  {
    id: 'pool-top5',
    a: { pooling: 'overlapping' },
    b: { pooling: 'non-overlapping' },
    measure: (a, b) => sub(b.finalTop5, a.finalTop5),
  },
  {
    id: 'pool-overfit',
    a: { pooling: 'overlapping' },
    b: { pooling: 'non-overlapping' },
    measure: (a, b) => sub(b.gap, a.gap),
  },
  { id: 'dropout-gap', a: { dropout: true }, b: { dropout: false }, measure: (a, b) => sub(b.gap, a.gap) },
  {
    // "Dropout roughly doubles the number of iterations required to converge": with dropout
    // (A) the target takes more steps than without (B).
    id: 'dropout-cost',
    a: { dropout: true },
    b: { dropout: false },
    measure: (a, b) =>
      a.stepsToTargetCensored && b.stepsToTargetCensored
        ? Math.log(a.stepsToTargetCensored / b.stepsToTargetCensored)
        : null,
    ratio: (a, b) => div(a.stepsToTargetCensored, b.stepsToTargetCensored),
  },
];

/**
 * Scores every claim against the runs. `baseline` fixes everything the claims do not vary
 * (preset, optimiser, data, epochs, the other innovations); runs with other settings are ignored.
 * `target` is the training accuracy for the speed claims (0.75 = the paper's 25 % error).
 */
export function scorecard(runs: Summarizable[], baseline: Summarizable, target: number): ClaimResult[] {
  // Only runs that trained all their epochs: a stopped run's errors are not final.
  const keyed = byVariant(runs.filter((r) => r.status === 'done'));
  // Most claims share the baseline's variant: each variant's runs are summarised once.
  const seeded = new Map<string, Map<number, RunSummary>>();
  const bySeed = (patch: Partial<ModelConfig>) => {
    const settings = { ...baseline.settings, config: { ...baseline.settings.config, ...patch } };
    const key = variantKey(settings);
    let m = seeded.get(key);
    if (!m) {
      m = new Map<number, RunSummary>();
      for (const r of keyed.get(key) ?? []) m.set(r.settings.seed, summarize(r, target));
      seeded.set(key, m);
    }
    return m;
  };
  return CLAIMS.map((c) => ({ id: c.id, ...comparePaired(bySeed(c.a), bySeed(c.b), c.measure, c.ratio) }));
}

/** Runs grouped by variant (settings but the seed). */
export function byVariant(runs: Summarizable[]): Map<string, Summarizable[]> {
  const keyed = new Map<string, Summarizable[]>();
  for (const r of runs) {
    const k = variantKey(r.settings);
    // Pushed, not copied: thousands of runs of one variant would make a copy per run quadratic.
    const list = keyed.get(k);
    if (list) list.push(r);
    else keyed.set(k, [r]);
  }
  return keyed;
}

type Measure = (a: RunSummary, b: RunSummary) => number | null;

/**
 * Variant a against variant b (their runs by seed): the paired t-test over the seeds both ran,
 * with the mean of `ratio` where the comparison has one. Used by the scorecard and the lessons.
 */
export function comparePaired(
  a: Map<number, RunSummary>,
  b: Map<number, RunSummary>,
  measure: Measure,
  ratio?: Measure,
): Omit<ClaimResult, 'id'> {
  if (a.size === 0 || b.size === 0)
    return { verdict: 'missing', diff: null, se: null, p: null, n: 0, ratio: null };
  const d: number[] = [];
  const ratios: number[] = [];
  for (const [seed, sa] of a) {
    const sb = b.get(seed);
    if (!sb) continue;
    const v = measure(sa, sb);
    if (v !== null) d.push(v);
    const q = ratio?.(sa, sb) ?? null;
    if (q !== null) ratios.push(q);
  }
  const v = verdictOf(d);
  // Runs exist but share no seed: nothing to pair, so the spread of a difference is unknown.
  const verdict = v.verdict === 'missing' ? 'inconclusive' : v.verdict;
  return { ...v, verdict, n: d.length, ratio: meanSd(ratios)?.mean ?? null };
}
