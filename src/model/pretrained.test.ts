import { describe, expect, it } from 'vitest';
import { accuracyPercent, checkPretrained, parsePretrainedManifest, pretrainedLabel } from './pretrained';
import { defaultConfig } from './spec';
import type { SavedMeta } from './io';

const good = {
  format: 'alexnet-lab-pretrained',
  model: 'alexnet-cifar.json',
  weights: 'alexnet-cifar.weights.bin',
  config: defaultConfig('cifar'),
  seed: 1,
  epochs: 2,
  testAccuracy: 0.6123,
  testCount: 10000,
  command: 'npm run train -- --recipe --preset cifar --epochs 2 --seed 1',
  measuredWith: 'wasm',
  trainedAt: '2026-12-02T00:00:00Z',
  measuredAt: '2026-12-02T00:00:00Z',
};
const meta: SavedMeta = {
  config: defaultConfig('cifar'),
  seed: 1,
  stats: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
  trained: true,
  epochs: 2,
  provenance: 'x',
  savedAt: '2026-12-02T00:00:00Z',
};

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { problem?: unknown }).problem;
  }
  return null;
};

describe('pretrained manifest', () => {
  it('reads a good manifest and labels it with epochs, accuracy and command', () => {
    const m = parsePretrainedManifest(JSON.stringify(good));
    expect(pretrainedLabel(m)).toEqual({
      epochs: 2,
      testAccuracy: 0.6123,
      testCount: 10000,
      command: good.command,
    });
    expect(accuracyPercent(m.testAccuracy)).toBe('61.23');
    expect(() => checkPretrained(m, meta)).not.toThrow();
  });

  it('refuses a damaged manifest, naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ format: 'other' }, 'format'],
      [{ model: '../secret.json' }, 'model'],
      [{ model: 'https://elsewhere.example/m.json' }, 'model'],
      [{ weights: 'w.txt' }, 'weights'],
      [{ config: null }, 'config'],
      [{ seed: -1 }, 'seed'],
      [{ epochs: 0 }, 'epochs'],
      [{ testAccuracy: 61.2 }, 'testAccuracy'],
      [{ testAccuracy: 'high' }, 'testAccuracy'],
      [{ testCount: 0 }, 'testCount'],
      [{ command: 'python train.py' }, 'command'],
      [{ measuredAt: 3 }, 'measuredAt'],
    ];
    for (const [patch, field] of cases)
      expect(refusal(() => parsePretrainedManifest(JSON.stringify({ ...good, ...patch })))).toEqual({
        code: 'pretrained.badManifest',
        params: { field },
      });
    expect(refusal(() => parsePretrainedManifest('{"format": '))).toEqual({
      code: 'pretrained.badManifest',
      params: { field: 'json' },
    });
  });

  it('refuses a manifest that describes other weights than the file it names', () => {
    const m = parsePretrainedManifest(JSON.stringify(good));
    const cases: [Partial<SavedMeta>, string][] = [
      [{ config: { ...meta.config, lrn: false } }, 'config'],
      [{ seed: 2 }, 'seed'],
      [{ epochs: 3 }, 'epochs'],
      [{ trained: false }, 'epochs'],
    ];
    for (const [patch, field] of cases)
      expect(refusal(() => checkPretrained(m, { ...meta, ...patch }))).toEqual({
        code: 'pretrained.mismatch',
        params: { field },
      });
  });
});
