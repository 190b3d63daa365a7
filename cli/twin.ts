// The app's side of the PyTorch twin (issue #16): trains a case with the app's own step
// (src/train/step.ts → sgd.ts, model from src/model/build.ts) on real CIFAR images, and writes
// what cli/twin.py needs to repeat it — the layer spec, the initial weights, every batch in
// order and the optimiser — next to the app's per-step losses. Dropout and augmentation are off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { writeWeights } from './twinCase';
import { createModel } from '../src/model/build';
import { buildSpec } from '../src/model/spec';
import { channelStats, makeBatch } from '../src/data/batches';
import { createRng, shuffleInPlace } from '../src/data/random';
import { parseBatch } from '../src/data/officialBinary';
import { createSgdState, disposeSgdState } from '../src/train/sgd';
import { trainStep } from '../src/train/step';
import type { ImageSet } from '../src/shared/dataset';
import type { ModelConfig, OptimizerSettings } from '../src/shared/types';

export const PYTHON = '/usr/bin/python3';
export const TWIN_SCRIPT = resolve('cli/twin.py');

export interface TwinCase {
  config: ModelConfig;
  backend: 'wasm' | 'cpu';
  steps: number;
  batchSize: number;
  seed: number;
  optimizer: Pick<OptimizerSettings, 'learningRate' | 'momentum' | 'weightDecay'>;
}

export interface AppRun {
  /** Where case.json, weights.bin, images.bin and labels.bin are. */
  dir: string;
  losses: number[];
  ms: number;
}

/** The app's wasm backend with the project's kernels (as the Worker starts it), or stock cpu. */
export async function useBackend(name: TwinCase['backend']): Promise<void> {
  await startNodeBackend(name, resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
}

/** The first 100 images of data_batch_1 (the e2e fixture): real images without the 17 MB dataset. */
export function fixtureImages(): ImageSet {
  return parseBatch(
    'data_batch_1.bin',
    new Uint8Array(readFileSync(resolve('e2e/fixtures/data_batch_1.bin'))),
  );
}

/**
 * The batches of `c`: epochs of a seeded shuffle of the set (as the trainer shuffles), cut into
 * full batches only, so that every step has the same shape. Returns image indices per step.
 */
export function batchOrder(count: number, c: TwinCase): number[][] {
  const perEpoch = Math.floor(count / c.batchSize);
  const out: number[][] = [];
  for (let epoch = 1; out.length < c.steps; epoch++) {
    const order = Uint32Array.from({ length: count }, (_, i) => i);
    shuffleInPlace(order, createRng(c.seed * 1_000_003 + epoch));
    for (let b = 0; b < perEpoch && out.length < c.steps; b++)
      out.push(Array.from(order.subarray(b * c.batchSize, (b + 1) * c.batchSize)));
  }
  return out;
}

/** Trains `c` with the app's step on the current backend and writes the case for the twin. */
export function runApp(c: TwinCase, set: ImageSet): AppRun {
  if (c.config.dropout) throw new Error('twin cases train without dropout');
  const dir = mkdtempSync(join(tmpdir(), 'alexnet-twin-'));
  const spec = buildSpec(c.config);
  const model = createModel(spec, c.seed);
  const sgd = createSgdState(model.variables);
  const all = Array.from({ length: set.count }, (_, i) => i);
  const stats = channelStats(set, all);
  const order = batchOrder(set.count, c);
  try {
    const variables = writeWeights(join(dir, 'weights.bin'), model);

    const images = new Float32Array(c.steps * c.batchSize * 32 * 32 * 3);
    const labels = new Int32Array(c.steps * c.batchSize);
    const losses: number[] = [];
    const t0 = performance.now();
    order.forEach((indices, s) => {
      const out = tf.tidy(() => {
        const { x, y } = makeBatch(set, indices, 0, c.batchSize, stats);
        images.set(x.dataSync(), s * x.size);
        labels.set(y.dataSync(), s * c.batchSize);
        return trainStep(model, sgd, x, y, c.optimizer.learningRate, c.optimizer, c.seed * 7919 + s);
      });
      losses.push(out.dataSync()[0]);
      out.dispose();
    });
    const ms = performance.now() - t0;
    writeFileSync(join(dir, 'images.bin'), images);
    writeFileSync(join(dir, 'labels.bin'), labels);
    const caseJson = { ...c, spec, variables, order, appLosses: losses };
    writeFileSync(join(dir, 'case.json'), JSON.stringify(caseJson));
    return { dir, losses, ms };
  } finally {
    disposeSgdState(sgd);
    model.dispose();
  }
}

/** Runs cli/twin.py on a written case; `flags` e.g. ['--lrn-alpha-as-torch']. */
export function runTwin(dir: string, flags: string[] = []): { losses: number[]; torch: string; ms: number } {
  const t0 = performance.now();
  let stdout: string;
  try {
    stdout = execFileSync(PYTHON, [TWIN_SCRIPT, dir, ...flags], { encoding: 'utf8', maxBuffer: 1 << 24 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT')
      throw new Error(`${PYTHON} is missing: install Debian's python3-torch (apt-get install python3-torch)`);
    throw new Error(`cli/twin.py failed: ${e.stderr || e.message}`);
  }
  const out = JSON.parse(stdout) as { losses: number[]; torch: string };
  return { ...out, ms: performance.now() - t0 };
}

/** Fails with a clear message when python3 cannot import torch (the twin test then fails, never skips). */
export function checkTorch(): string {
  try {
    return execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      `the PyTorch twin needs ${PYTHON} with torch: install Debian's python3-torch (apt-get install python3-torch; .ci/run does)`,
    );
  }
}
