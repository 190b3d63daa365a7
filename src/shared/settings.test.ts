// Walks the settings table: every row round-trips through the link, the CLI and file validation,
// and a bad value is refused with the same Problem code by all three.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, getPath, SETTINGS, withPath, type AllSettings, type SettingRow } from './settings';
import { CIFAR_RECIPE, compactSettings, fullSettings } from './settingsRecipe';
import { checkSetting, formatSetting } from './settingsCheck';
import type { Problem } from './problem';
import { decodeUrlState, encodeUrlState } from '../lab/url';
import { validateSettings } from '../lab/validate';
import { variantKey } from '../lab/plan';
import { parseTrainArgs, settingsToArgs } from '../../cli/args';

/** A valid value other than the default. */
function otherValue(row: SettingRow): unknown {
  switch (row.type) {
    case 'number':
    case 'int':
      return row.default === row.max ? row.min : row.max;
    case 'bool':
      return !row.default;
    case 'choice':
      return row.choices.find((c) => c !== row.default);
    case 'list':
      return [row.min, row.max];
  }
}

/** Bad values, as text (link, CLI) and as the file would hold them. */
function badValues(row: SettingRow): { text: string; stored: unknown }[] {
  switch (row.type) {
    case 'number':
      return [
        { text: String(row.max * 2 + 1), stored: row.max * 2 + 1 },
        { text: String(row.min - 1), stored: row.min - 1 },
        { text: 'abc', stored: 'abc' },
      ];
    case 'int':
      return [
        { text: String(row.max + 1), stored: row.max + 1 },
        { text: String(row.min - 1), stored: row.min - 1 },
        { text: String(row.min + 0.5), stored: row.min + 0.5 },
      ];
    case 'bool':
      return [{ text: 'maybe', stored: 'maybe' }];
    case 'choice':
      return [{ text: 'nope', stored: 'nope' }];
    case 'list':
      return [{ text: String(row.max + 1), stored: [row.max + 1] }];
  }
}

/** The Problem without its `name`, which says where the value was (URL key, file path, flag). */
const codeOf = (p: Problem) => {
  const params = { ...p.params };
  delete params.name;
  return { code: p.code, params };
};

describe('the settings table', () => {
  it('has one path, one URL key and one CLI flag per row', () => {
    expect(new Set(SETTINGS.map((r) => r.url)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((r) => r.cli)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((r) => r.path)).size).toBe(SETTINGS.length);
  });

  it('gives the defaults the app and the paper start from, and they validate', () => {
    // The paper's network: ReLU, LRN, dropout, overlapping pooling, no two-tower split.
    const paper = { activation: 'relu', lrn: true, dropout: true, pooling: 'overlapping', grouped: false };
    expect(DEFAULT_SETTINGS).toEqual({
      config: { preset: 'cifar', ...paper, width: '1' },
      optimizer: {
        learningRate: 0.01,
        momentum: 0.9,
        weightDecay: 5e-4,
        batchSize: 128,
        decayOnPlateau: false,
        plateauEpochs: 2,
      },
      data: {
        batches: [1, 2, 3, 4, 5],
        quick: true,
        quickTrain: 1000,
        quickTest: 500,
        preprocess: 'channel',
      },
      epochs: 1,
      seed: 1,
      augment: { flip: false, crop: false, pcaColor: false },
      schedule: { kind: 'constant', warmupEpochs: 0, stepEpochs: 10, stepFactor: 0.1 },
      tta: false,
    });
    for (const row of SETTINGS) expect(checkSetting(row, row.default, row.path).ok, row.path).toBe(true);
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const recipe: AllSettings = { ...DEFAULT_SETTINGS, ...CIFAR_RECIPE };
    expect(validateSettings(recipe)).toEqual({ ok: true, value: recipe });
  });

  for (const row of SETTINGS) {
    describe(row.path, () => {
      const changed = withPath(DEFAULT_SETTINGS, row.path, otherValue(row));

      it('round-trips through the link', () => {
        const q = encodeUrlState({ settings: changed, queue: null });
        expect(decodeUrlState(new URLSearchParams(q.toString()), DEFAULT_SETTINGS)).toMatchObject({
          settings: changed,
          problems: [],
        });
      });

      it('round-trips through the CLI, alone and with every flag written out', () => {
        // A step-schedule setting is recorded only with the step schedule on (as the app records it).
        const stepPart = row.path.startsWith('schedule.step');
        const live = stepPart ? withPath(changed, 'schedule.kind', 'step') : changed;
        const all = parseTrainArgs(settingsToArgs(live));
        expect(all.ok && all.settings).toEqual(compactSettings(live));
        expect(all.ok && getPath(all.settings, row.path)).toEqual(otherValue(row));
        const flag =
          row.type === 'bool'
            ? [otherValue(row) ? `--${row.cli}` : `--no-${row.cli}`]
            : [`--${row.cli}`, formatSetting(row, otherValue(row), 'cli')];
        const one = parseTrainArgs([...flag, ...(stepPart ? ['--schedule', 'step'] : [])]);
        expect(one.ok && getPath(one.settings, row.path)).toEqual(otherValue(row));
        // Everything else stays at the CLI's starting point: the defaults, on all the data.
        const cliBase = withPath(DEFAULT_SETTINGS, 'data.quick', false);
        const expected = withPath(
          stepPart ? withPath(cliBase, 'schedule.kind', 'step') : cliBase,
          row.path,
          otherValue(row),
        );
        expect(one.ok && one.settings).toEqual(compactSettings(expected));
      });

      it('round-trips through file validation', () => {
        expect(validateSettings(JSON.parse(JSON.stringify(changed)))).toEqual({ ok: true, value: changed });
      });

      for (const bad of badValues(row)) {
        it(`refuses ${bad.text} with the same code from a link, a file and the CLI`, () => {
          const url = decodeUrlState(new URLSearchParams({ [row.url]: bad.text }), DEFAULT_SETTINGS);
          const file = validateSettings(withPath(DEFAULT_SETTINGS, row.path, bad.stored));
          const cli = parseTrainArgs([`--${row.cli}=${bad.text}`]);
          expect(url.settings).toEqual(DEFAULT_SETTINGS);
          expect(url.problems).toHaveLength(1);
          expect(url.problems[0].params?.name).toBe(row.url);
          expect(file.ok).toBe(false);
          expect(cli.ok).toBe(false);
          if (file.ok || cli.ok) return;
          expect(file.problem.params?.name).toBe(row.path);
          expect(cli.problems).toHaveLength(1);
          expect(codeOf(file.problem)).toEqual(codeOf(url.problems[0]));
          expect(codeOf(cli.problems[0])).toEqual(codeOf(url.problems[0]));
        });
      }
    });
  }

  it('reads a file from before the width and preprocessing rows with their defaults', () => {
    const old = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Record<string, Record<string, unknown>>;
    delete old.config.width;
    delete old.data.preprocess;
    const read = validateSettings(old);
    expect(read).toEqual({ ok: true, value: old });
    // Absent means the default: the same experiment as one that names the default.
    expect(read.ok && variantKey(read.value)).toBe(variantKey(DEFAULT_SETTINGS));
    expect(variantKey(withPath(DEFAULT_SETTINGS, 'config.width', '1/2'))).not.toBe(
      variantKey(DEFAULT_SETTINGS),
    );
    expect(variantKey(withPath(DEFAULT_SETTINGS, 'data.preprocess', 'zca'))).not.toBe(
      variantKey(DEFAULT_SETTINGS),
    );
    // Absent reads as the default, but a present value is still checked.
    const bad = validateSettings(withPath(old, 'config.width', '3'));
    expect(bad.ok).toBe(false);
  });

  it('leaves the recipe parts out of a record when they are off', () => {
    expect(compactSettings(DEFAULT_SETTINGS)).not.toHaveProperty('augment');
    expect(compactSettings(DEFAULT_SETTINGS)).not.toHaveProperty('schedule');
    expect(compactSettings(DEFAULT_SETTINGS)).not.toHaveProperty('tta');
    const on = { ...DEFAULT_SETTINGS, ...CIFAR_RECIPE };
    expect(fullSettings(compactSettings(on))).toEqual(on);
  });
});
