// A sane start: before any step the training loss (dropout on where the toggle says so, as in
// trainStep) is within 0.15 of ln 10 for every toggle combination of both presets — the
// classifier guesses uniformly instead of spending its first steps shrinking its logits.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from './build';
import { allConfigs, buildSpec } from './spec';
import { channelStats, makeBatch } from '../data/batches';
import { parseBatch } from '../data/officialBinary';
import { crossEntropy } from '../train/metrics';
import type { ModelConfig, PoolingMode, PresetId } from '../shared/types';

const LN10 = Math.log(10);
const TOLERANCE = 0.15;
const SEED = 1;

// Forward passes on wasm (XNNPACK): the paper preset's 1.1 G multiply-adds per image take seconds on cpu.
beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  await tf.ready();
});

// Real images: the first 100 of data_batch_1, normalised by their own channel statistics.
const fixture = parseBatch(
  'data_batch_1.bin',
  new Uint8Array(readFileSync(path.resolve('e2e/fixtures/data_batch_1.bin'))),
);
const all = Array.from({ length: fixture.count }, (_, i) => i);
const stats = channelStats(fixture, all);

/**
 * `perClass` images of each class. Label-balanced on purpose: where the logits barely depend on
 * the image (the paper preset's N(0, 0.01) layers pass almost nothing of it on), the batch loss
 * is logsumexp(z) − mean of z over the batch's labels, and a skewed label mix would move it by
 * up to the logits' spread; balanced, that term is the mean over all ten classes.
 */
function balancedBatch(perClass: number): number[] {
  const picked: number[] = [];
  for (let c = 0; c < 10; c++) picked.push(...all.filter((i) => fixture.labels[i] === c).slice(0, perClass));
  expect(picked.length).toBe(10 * perClass);
  return picked;
}

const label = (c: ModelConfig) =>
  `${c.preset} ${c.activation} lrn=${c.lrn} drop=${c.dropout} ${c.pooling} grouped=${c.grouped}`;

/**
 * Step-0 loss of the 12 activation × LRN × dropout configs of one pooling × grouping pair. These
 * toggles add no variables, so all 12 get the same initial weights from the same seed (createModel
 * draws per variable index): drawn once and copied, which saves the paper preset's 58 M-number
 * draw (~2.5 s) for 11 of them.
 */
function startLosses(preset: PresetId, pooling: PoolingMode, grouped: boolean, perClass: number): void {
  const configs = allConfigs(preset).filter((c) => c.pooling === pooling && c.grouped === grouped);
  expect(configs.length).toBe(12);
  const { x, y } = makeBatch(fixture, balancedBatch(perClass), 0, 10 * perClass, stats);
  const source = createModel(buildSpec(configs[0]), SEED);
  try {
    for (const config of configs) {
      const model = createModel(buildSpec(config), SEED, { init: 'zeros' });
      try {
        model.variables.forEach((v, i) => v.assign(source.variables[i]));
        const loss = tf.tidy(() =>
          crossEntropy(model.forward(x, { training: true, dropoutSeed: SEED * 7919 }), y, 10).dataSync(),
        )[0];
        expect(Math.abs(loss - LN10), `${label(config)}: step-0 loss ${loss.toFixed(4)}`).toBeLessThan(
          TOLERANCE,
        );
      } finally {
        model.dispose();
      }
    }
  } finally {
    source.dispose();
    tf.dispose([x, y]);
  }
}

// Per image the loss spreads by about the logits' standard deviation (≤ ~0.2 with fc8's
// N(0, 0.001²)), so a mean over 30 images is within ±0.1 of its expectation at 3 standard
// errors; the paper preset's logits hardly depend on the image, and one image per class is enough.
describe('step-0 loss is ln 10 ± 0.15', () => {
  for (const pooling of ['overlapping', 'non-overlapping'] as const)
    for (const grouped of [false, true]) {
      const pair = `${pooling} pooling, grouped=${grouped}`;
      it(`cifar preset, ${pair}: all 12 activation × LRN × dropout combinations (30 images)`, () =>
        startLosses('cifar', pooling, grouped, 3));
      it(`paper preset, ${pair}: all 12 combinations (10 images)`, () =>
        startLosses('paper', pooling, grouped, 1));
    }

  it('the check can fail: He init on fc8 starts the CIFAR preset far from ln 10', () => {
    const spec = buildSpec({ ...allConfigs('cifar')[0] });
    const fc8 = spec.layers.findLast((l) => l.kind === 'dense');
    if (fc8?.kind !== 'dense') throw new Error('no fc8');
    fc8.init = { kind: 'he' };
    const model = createModel(spec, SEED);
    const { x, y } = makeBatch(fixture, balancedBatch(3), 0, 30, stats);
    try {
      const loss = tf.tidy(() =>
        crossEntropy(model.forward(x, { training: true, dropoutSeed: 1 }), y, 10).dataSync(),
      )[0];
      expect(Math.abs(loss - LN10)).toBeGreaterThan(TOLERANCE);
    } finally {
      model.dispose();
      tf.dispose([x, y]);
    }
  });
});
