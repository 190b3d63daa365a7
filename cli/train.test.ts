// The headless trainer as the README runs it: bundled by vite.cli.config.ts, started with node,
// trained for one short epoch, its model written with --save-model and read back by the app's
// loader. (The bundle once broke unnoticed: Node could not resolve tfjs-core's own imports.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadModel } from '../src/model/io';

const dir = mkdtempSync(join(tmpdir(), 'alexnet-train-'));
// The bundle imports the `webgpu` package (external: a native addon), so it lives where
// node_modules is found, as dist-cli/ does.
const bundle = resolve('node_modules/.tmp/train-test');
let printed = '';

beforeAll(() => {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--outDir', bundle], {
    stdio: 'pipe',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  printed = execFileSync(
    'node',
    [
      join(bundle, 'train.mjs'),
      ...['--quick', '100:50', '--batch', '50', '--epochs', '1', '--seed', '3'],
      ...['--out', join(dir, 'run'), '--save-model', join(dir, 'model', 'cifar'), '--weights', 'float16'],
    ],
    { encoding: 'utf8' },
  );
}, 240_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { recursive: true, force: true });
});

describe('npm run train', () => {
  it('trains an epoch and prints its test accuracy', () => {
    expect(printed).toMatch(/^data: 50000 train \/ 10000 test images/m);
    expect(printed).toMatch(/^epoch 1: train acc [\d.]+ %, test acc [\d.]+ %/m);
  });

  it('writes an experiment file and a model the app loads, labelled with its epochs', async () => {
    const experiment = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(experiment.runs).toHaveLength(1);
    await tf.setBackend('cpu');
    const json = readFileSync(join(dir, 'model', 'cifar.json'), 'utf8');
    const bin = readFileSync(join(dir, 'model', 'cifar.weights.bin'));
    const { model, meta } = loadModel(
      json,
      bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    );
    expect(meta).toMatchObject({ seed: 3, epochs: 1, trained: true });
    expect(JSON.parse(json).weightsManifest[0].weights[0].quantization).toEqual({
      dtype: 'float16',
      original_dtype: 'float32',
    });
    expect(meta.config.preset).toBe('cifar');
    model.dispose();
  });
});
