// The pretrained model that ships in public/pretrained/: its manifest describes its weights, its
// stated test accuracy is re-measured here on the full test set (wasm, the project's kernels, as
// cli/pretrainedManifest.ts measured it), and public/ stays within its 30 MB budget.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { checkPretrained, type PretrainedManifest } from '../src/model/pretrained';
import type { TrainableModel } from '../src/model/build';
import type { SavedMeta } from '../src/model/io';
import { loadEmbeddedFromDisk } from './nodeData';
import { readPretrained, testAccuracy } from './pretrained';

const DIR = resolve('public/pretrained');
const PUBLIC_BUDGET = 30_000_000;

function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    const p = join(dir, e.name);
    return n + (e.isDirectory() ? bytesUnder(p) : statSync(p).size);
  }, 0);
}

let manifest: PretrainedManifest;
let model: TrainableModel;
let meta: SavedMeta;
beforeAll(async () => {
  await startNodeBackend('wasm', resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  ({ manifest, model, meta } = readPretrained(DIR));
});
afterAll(() => model?.dispose());

describe('the shipped pretrained model', () => {
  it('keeps public/ within 30 MB, its weights stored in float16', () => {
    expect(bytesUnder(resolve('public'))).toBeLessThanOrEqual(PUBLIC_BUDGET);
    expect(statSync(join(DIR, manifest.weights)).size).toBe(
      model.params.reduce((n, p) => n + 2 * p.variable.size, 0),
    );
  });

  it('is labelled with its own architecture, seed, epochs and the command that trained it', () => {
    expect(() => checkPretrained(manifest, meta)).not.toThrow();
    expect(manifest.epochs).toBeGreaterThan(0);
    expect(manifest.command).toMatch(/^npm run train -- .*--seed \d+/);
    expect(manifest.testCount).toBe(10_000);
  });

  it('re-measures the stated accuracy on all 10,000 test images (to 0.01 %, one image)', async () => {
    const dataset = loadEmbeddedFromDisk(resolve('public/data'));
    const { accuracy, count } = await testAccuracy(model, meta, dataset);
    expect(count).toBe(manifest.testCount);
    expect(Math.abs(accuracy - manifest.testAccuracy)).toBeLessThanOrEqual(0.0001 + 1e-12);
  }, 600_000);
});
