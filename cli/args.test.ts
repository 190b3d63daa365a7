import { describe, expect, it } from 'vitest';
import { parseTrainArgs, problemText } from './args';
import { DEFAULT_SETTINGS } from '../src/shared/settings';
import { CIFAR_RECIPE } from '../src/shared/settingsRecipe';

describe('npm run train flags', () => {
  it('starts from the defaults on all the data, with the recipe parts off', () => {
    const r = parseTrainArgs([]);
    expect(r).toEqual({
      ok: true,
      settings: {
        config: DEFAULT_SETTINGS.config,
        optimizer: DEFAULT_SETTINGS.optimizer,
        data: { ...DEFAULT_SETTINGS.data, quick: false },
        epochs: 1,
        seed: 1,
      },
      options: {},
    });
  });

  it('--recipe starts from the recipe; later flags (the preset too) change it', () => {
    const r = parseTrainArgs(['--recipe', '--preset', 'paper', '--epochs', '4', '--batch', '64']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.config).toEqual({ ...CIFAR_RECIPE.config, preset: 'paper' });
    expect(r.settings.optimizer).toEqual({ ...CIFAR_RECIPE.optimizer, batchSize: 64 });
    expect(r.settings.schedule).toEqual(CIFAR_RECIPE.schedule);
    expect(r.settings.augment).toEqual(CIFAR_RECIPE.augment);
    expect(r.settings.tta).toBe(true);
    expect(r.settings.epochs).toBe(4);
    expect(r.settings.data.quick).toBe(false);
  });

  it('keeps the --quick TRAIN:TEST shorthand, booleans with --no-, and the non-setting options', () => {
    const r = parseTrainArgs([
      '--quick',
      '2000:500',
      '--no-lrn',
      '--batches',
      '3,1',
      '--backend=webgpu',
      '--out',
      'docs/results/x',
      '--name',
      'x',
      '--save-model',
      'out/model',
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.data).toEqual({
      batches: [1, 3],
      quick: true,
      quickTrain: 2000,
      quickTest: 500,
      preprocess: 'channel',
    });
    expect(r.settings.config.lrn).toBe(false);
    expect(r.options).toEqual({
      backend: 'webgpu',
      out: 'docs/results/x',
      name: 'x',
      'save-model': 'out/model',
    });
  });

  it('reports every bad flag, in words from the English dictionary', () => {
    const r = parseTrainArgs(['--lr', '7', '--colour', 'red', '--epochs', '--quick', '0:10', '--no-lr']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code)).toEqual([
      'value.outOfRange',
      'cli.unknownFlag',
      'cli.unknownFlag',
      'cli.missingValue',
      'value.outOfRange',
      'cli.unknownFlag',
    ]);
    expect(problemText(r.problems[0])).toBe('--lr should be between 0.000001 and 1, not 7.');
    expect(problemText(r.problems[3])).toBe('--epochs needs a value.');
  });
});
