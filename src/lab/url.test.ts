import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from './url';
import { baseSettings as base } from './testData.testing';
import { fullSettings } from '../shared/settingsRecipe';

const baseSettings = () => fullSettings(base());

describe('URL state', () => {
  it('round-trips a non-default config and queue', () => {
    const d = baseSettings();
    const settings = {
      ...d,
      config: { ...d.config, activation: 'tanh' as const, lrn: false, pooling: 'non-overlapping' as const },
      optimizer: { ...d.optimizer, learningRate: 0.005, batchSize: 32 },
      data: { ...d.data, batches: [2, 4], quickTrain: 64, quickTest: 32 },
      epochs: 2,
      seed: 42,
    };
    const q = encodeUrlState(
      { settings, queue: { kind: 'grid', seeds: 3 } },
      new URLSearchParams('backend=wasm'),
    );
    const back = decodeUrlState(new URLSearchParams(q.toString()), d);
    expect(back.settings).toEqual(settings);
    expect(back.queue).toEqual({ kind: 'grid', seeds: 3 });
    expect(back.problems).toEqual([]);
    expect(back.present).toBe(true);
    expect(q.get('backend')).toBe('wasm');
  });

  it('an empty query gives the defaults with no problems', () => {
    const back = decodeUrlState(new URLSearchParams(''), baseSettings());
    expect(back).toEqual({ settings: baseSettings(), queue: null, problems: [], present: false });
  });

  it('garbage and out-of-range values fall back to defaults and are named', () => {
    const q = new URLSearchParams(
      'act=swish&lr=5&bs=12.5&ep=-1&seed=abc&b=9&lrn=yes&qtr=1e9&plan=all&seeds=50&mom=0.5',
    );
    const back = decodeUrlState(q, baseSettings());
    const d = baseSettings();
    expect(back.settings.config.activation).toBe(d.config.activation);
    expect(back.settings.optimizer.learningRate).toBe(d.optimizer.learningRate);
    expect(back.settings.optimizer.batchSize).toBe(d.optimizer.batchSize);
    expect(back.settings.optimizer.momentum).toBe(0.5);
    expect(back.settings.epochs).toBe(d.epochs);
    expect(back.settings.data.batches).toEqual(d.data.batches);
    expect(back.queue).toBeNull();
    expect(back.problems.map((p) => p.params?.name).sort()).toEqual(
      ['act', 'b', 'bs', 'ep', 'lr', 'lrn', 'plan', 'qtr', 'seed', 'seeds'].sort(),
    );
    expect(back.problems.find((p) => p.params?.name === 'lr')).toEqual({
      code: 'value.outOfRange',
      params: { name: 'lr', value: 5, min: 1e-6, max: 1 },
    });
  });

  it('carries the recipe parts (augmentation, schedule, test-time averaging)', () => {
    const d = baseSettings();
    const settings = {
      ...d,
      augment: { flip: true, crop: false, pcaColor: true },
      schedule: { kind: 'step' as const, warmupEpochs: 2, stepEpochs: 5, stepFactor: 0.5 },
      tta: true,
    };
    const q = encodeUrlState({ settings, queue: null });
    expect(decodeUrlState(q, d).settings).toEqual(settings);
  });

  it('batches are deduplicated and sorted', () => {
    expect(decodeUrlState(new URLSearchParams('b=3113'), baseSettings()).settings.data.batches).toEqual([
      1, 3,
    ]);
  });
});
