import { describe, expect, it } from 'vitest';
import { configKey, expandPlan, fullGrid, oneAtATime, seedsFor, variantKey } from './plan';
import { baseSettings } from './testData.testing';

describe('ablation plans', () => {
  it('one at a time flips each innovation and tries each other activation', () => {
    const v = oneAtATime(baseSettings().config);
    expect(v.map((x) => x.label)).toEqual([
      'baseline',
      'no LRN',
      'no dropout',
      'non-overlapping pooling',
      'tanh',
      'sigmoid',
    ]);
    expect(v[1].config.lrn).toBe(false);
    expect(v[1].config.dropout).toBe(true);
    expect(v[3].config.pooling).toBe('non-overlapping');
    expect(new Set(v.map((x) => configKey(x.config))).size).toBe(6);
  });

  it('the full grid has 24 distinct configs with the baseline first', () => {
    const base = { ...baseSettings().config, activation: 'tanh' as const, lrn: false };
    const g = fullGrid(base);
    expect(g).toHaveLength(24);
    expect(new Set(g.map((x) => configKey(x.config))).size).toBe(24);
    expect(g[0]).toEqual({ label: 'baseline', config: base });
    expect(g.filter((x) => x.label === 'baseline')).toHaveLength(1);
    expect(g.filter((x) => x.config.activation === 'sigmoid')).toHaveLength(8);
  });

  it('expands seed by seed, keeping everything but the config and seed', () => {
    const base = baseSettings();
    const runs = expandPlan(base, 'grid', 3);
    expect(runs).toHaveLength(72);
    expect(runs.slice(0, 24).every((r) => r.settings.seed === base.seed)).toBe(true);
    expect(runs[24].settings.seed).toBe(base.seed + 1);
    expect(runs.filter((r) => r.baseline)).toHaveLength(3);
    expect(
      runs.every((r) => r.settings.optimizer === base.optimizer && r.settings.epochs === base.epochs),
    ).toBe(true);
    expect(expandPlan(base, 'one-at-a-time', 2)).toHaveLength(12);
  });

  it('seed counts are clamped to 1…10', () => {
    expect(seedsFor(5, 0)).toEqual([5]);
    expect(seedsFor(5, 3)).toEqual([5, 6, 7]);
    expect(seedsFor(1, 99)).toHaveLength(10);
  });

  it('variant keys ignore the seed only', () => {
    const a = baseSettings();
    expect(variantKey({ ...a, seed: 9 })).toBe(variantKey(a));
    expect(variantKey({ ...a, epochs: 2 })).not.toBe(variantKey(a));
    expect(variantKey({ ...a, config: { ...a.config, lrn: false } })).not.toBe(variantKey(a));
  });
});
