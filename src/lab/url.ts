// The shareable setup: the current config and the queue's plan in the URL query, so opening a
// link restores the setup (not the results). Decoding never throws: a bad or out-of-range value
// falls back to the default and is named in `problems`. Pure: works on URLSearchParams only.

import type { RunSettings } from '../shared/types';
import { ACTIVATIONS, MAX_SEEDS, POOLINGS, type PlanKind } from './plan';

export interface QueueSetup {
  kind: PlanKind;
  seeds: number;
}

export interface UrlState {
  settings: RunSettings;
  queue: QueueSetup | null;
}

/** Query parameters this module owns; anything else (e.g. ?backend=) is left alone. */
export const URL_KEYS = [
  'preset',
  'act',
  'lrn',
  'drop',
  'pool',
  'grp',
  'lr',
  'mom',
  'wd',
  'bs',
  'plat',
  'platn',
  'ep',
  'seed',
  'quick',
  'qtr',
  'qte',
  'b',
  'plan',
  'seeds',
] as const;

const flag = (b: boolean) => (b ? '1' : '0');

export function encodeUrlState(state: UrlState, into = new URLSearchParams()): URLSearchParams {
  const { config: c, optimizer: o, data: d } = state.settings;
  const set = (k: (typeof URL_KEYS)[number], v: string | number) => into.set(k, String(v));
  set('preset', c.preset);
  set('act', c.activation);
  set('lrn', flag(c.lrn));
  set('drop', flag(c.dropout));
  set('pool', c.pooling === 'overlapping' ? 'ovl' : 'non');
  set('grp', flag(c.grouped));
  set('lr', o.learningRate);
  set('mom', o.momentum);
  set('wd', o.weightDecay);
  set('bs', o.batchSize);
  set('plat', flag(o.decayOnPlateau));
  set('platn', o.plateauEpochs);
  set('ep', state.settings.epochs);
  set('seed', state.settings.seed);
  set('quick', flag(d.quick));
  set('qtr', d.quickTrain);
  set('qte', d.quickTest);
  set('b', d.batches.join(''));
  if (state.queue) {
    set('plan', state.queue.kind === 'grid' ? 'grid' : 'one');
    set('seeds', state.queue.seeds);
  } else {
    into.delete('plan');
    into.delete('seeds');
  }
  return into;
}

/**
 * Reads the setup from a query. Keys that are absent keep the defaults silently; keys present
 * with a bad value keep the default and are listed in `problems` (the names of the keys).
 */
export function decodeUrlState(
  q: URLSearchParams,
  defaults: RunSettings,
): UrlState & { problems: string[]; present: boolean } {
  const problems: string[] = [];
  const present = URL_KEYS.some((k) => q.has(k));
  function read<T>(key: string, fallback: T, parse: (raw: string) => T | undefined): T {
    const raw = q.get(key);
    if (raw === null) return fallback;
    const v = parse(raw);
    if (v === undefined) {
      problems.push(key);
      return fallback;
    }
    return v;
  }
  const pick =
    <T extends string>(allowed: readonly T[]) =>
    (raw: string) =>
      allowed.includes(raw as T) ? (raw as T) : undefined;
  const bit = (raw: string) => (raw === '1' ? true : raw === '0' ? false : undefined);
  const number =
    (min: number, max: number, integer = false) =>
    (raw: string) => {
      if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw)) return undefined;
      const v = Number(raw);
      if (!Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) return undefined;
      return v;
    };
  const d = defaults;
  const batches = read('b', d.data.batches, (raw) => {
    if (!/^[1-5]{1,5}$/.test(raw)) return undefined;
    const list = [...new Set(raw.split('').map(Number))].sort();
    return list;
  });
  const poolRaw = read(
    'pool',
    d.config.pooling === 'overlapping' ? 'ovl' : 'non',
    pick(['ovl', 'non'] as const),
  );
  const settings: RunSettings = {
    // Parts the URL does not hold (augmentation, schedule) stay as they are.
    ...d,
    config: {
      preset: read('preset', d.config.preset, pick(['cifar', 'paper'] as const)),
      activation: read('act', d.config.activation, pick(ACTIVATIONS)),
      lrn: read('lrn', d.config.lrn, bit),
      dropout: read('drop', d.config.dropout, bit),
      pooling: poolRaw === 'ovl' ? POOLINGS[0] : POOLINGS[1],
      grouped: read('grp', d.config.grouped, bit),
    },
    optimizer: {
      learningRate: read('lr', d.optimizer.learningRate, number(1e-6, 1)),
      momentum: read('mom', d.optimizer.momentum, number(0, 0.999)),
      weightDecay: read('wd', d.optimizer.weightDecay, number(0, 0.1)),
      batchSize: read('bs', d.optimizer.batchSize, number(1, 1024, true)),
      decayOnPlateau: read('plat', d.optimizer.decayOnPlateau, bit),
      plateauEpochs: read('platn', d.optimizer.plateauEpochs, number(1, 100, true)),
    },
    data: {
      batches,
      quick: read('quick', d.data.quick, bit),
      quickTrain: read('qtr', d.data.quickTrain, number(1, 50000, true)),
      quickTest: read('qte', d.data.quickTest, number(1, 10000, true)),
    },
    epochs: read('ep', d.epochs, number(1, 500, true)),
    seed: read('seed', d.seed, number(0, 2 ** 31 - 1, true)),
  };
  let queue: QueueSetup | null = null;
  if (q.has('plan')) {
    const kind = read<PlanKind | null>('plan', null, (raw) =>
      raw === 'grid' ? 'grid' : raw === 'one' ? 'one-at-a-time' : undefined,
    );
    const seeds = read('seeds', 1, number(1, MAX_SEEDS, true));
    if (kind) queue = { kind, seeds };
  }
  return { settings, queue, problems, present };
}
