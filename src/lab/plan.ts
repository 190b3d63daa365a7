// Ablation plans: which configs to train, with which seeds, in which order. Pure.

import type { ModelConfig, PoolingMode, RunSettings } from '../shared/types';
import { ACTIVATIONS } from '../shared/settings';
import { innovationGrid } from '../shared/settings';

export type PlanKind = 'one-at-a-time' | 'grid';

export interface PlannedRun {
  /** The variant's label: "baseline", "no LRN", "tanh", … (grid runs: the config described). */
  label: string;
  settings: RunSettings;
  /** True for the runs of the baseline config (one per seed). */
  baseline: boolean;
}

export const MAX_SEEDS = 10;

/** The seeds of a plan: the baseline's seed and the next N − 1 whole numbers. */
export function seedsFor(baseSeed: number, n: number): number[] {
  const count = Math.max(1, Math.min(MAX_SEEDS, Math.floor(n)));
  return Array.from({ length: count }, (_, i) => baseSeed + i);
}

/** The four innovation fields only: used to compare configs and name variants. */
export function configKey(c: ModelConfig): string {
  return `${c.activation}|${c.lrn ? 'lrn' : 'nolrn'}|${c.dropout ? 'drop' : 'nodrop'}|${c.pooling}`;
}

/**
 * Everything but the seed: two runs with the same key are the same experiment with different
 * seeds, so their results may be averaged.
 */
export function variantKey(s: RunSettings): string {
  // Settings objects are never changed in place: a run's key is worked out once.
  const kept = variantKeys.get(s);
  if (kept !== undefined) return kept;
  const key = variantKeyNow(s);
  variantKeys.set(s, key);
  return key;
}

const variantKeys = new WeakMap<RunSettings, string>();

function variantKeyNow(s: RunSettings): string {
  const o = s.optimizer;
  const d = s.data;
  return [
    s.config.preset,
    configKey(s.config),
    s.config.grouped ? 'g' : 'u',
    `w${s.config.width ?? '1'}`,
    o.learningRate,
    o.momentum,
    o.weightDecay,
    o.batchSize,
    o.decayOnPlateau ? `p${o.plateauEpochs}` : 'np',
    d.batches.join(''),
    d.quick ? `q${d.quickTrain}/${d.quickTest}` : 'full',
    d.preprocess ?? 'channel',
    s.epochs,
    // Optional recipe parts (absent = off): runs with different augmentation or schedules differ.
    s.augment ? `a${+s.augment.flip}${+s.augment.crop}${+s.augment.pcaColor}` : 'a000',
    s.schedule ? JSON.stringify(s.schedule) : 'constant',
    s.tta ? 'tta' : '',
  ].join(';');
}

/**
 * One at a time: the baseline, then each innovation flipped on its own (LRN, dropout, pooling)
 * and each other activation. From the paper's config that is 1 + 3 + 2 = 6 configs.
 */
export function oneAtATime(base: ModelConfig): { label: string; config: ModelConfig }[] {
  const out = [{ label: 'baseline', config: base }];
  out.push({ label: base.lrn ? 'no LRN' : 'LRN', config: { ...base, lrn: !base.lrn } });
  out.push({ label: base.dropout ? 'no dropout' : 'dropout', config: { ...base, dropout: !base.dropout } });
  const other: PoolingMode = base.pooling === 'overlapping' ? 'non-overlapping' : 'overlapping';
  out.push({ label: `${other} pooling`, config: { ...base, pooling: other } });
  for (const a of ACTIVATIONS)
    if (a !== base.activation) out.push({ label: a, config: { ...base, activation: a } });
  return out;
}

/** The full grid: 3 activations × LRN on/off × dropout on/off × 2 poolings = 24 configs, baseline first. */
export function fullGrid(base: ModelConfig): { label: string; config: ModelConfig }[] {
  const out: { label: string; config: ModelConfig }[] = [];
  for (const config of innovationGrid(base)) {
    const isBase = configKey(config) === configKey(base);
    const label = isBase ? 'baseline' : gridLabel(config);
    if (isBase) out.unshift({ label, config });
    else out.push({ label, config });
  }
  return out;
}

function gridLabel(c: ModelConfig): string {
  return `${c.activation}${c.lrn ? '+LRN' : ''}${c.dropout ? '+drop' : ''}${c.pooling === 'overlapping' ? '+ovl' : ''}`;
}

/**
 * The runs of a plan, seed by seed: every config for the first seed, then every config for the
 * next, so a queue cut short still holds complete comparisons. Same seed ⇒ same data order.
 */
export function expandPlan(base: RunSettings, kind: PlanKind, seeds: number): PlannedRun[] {
  const configs = kind === 'grid' ? fullGrid(base.config) : oneAtATime(base.config);
  const out: PlannedRun[] = [];
  for (const seed of seedsFor(base.seed, seeds))
    for (const { label, config } of configs)
      out.push({ label, settings: { ...base, config, seed }, baseline: label === 'baseline' });
  return out;
}
