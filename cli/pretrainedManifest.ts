// Writes public/pretrained/pretrained.json for the model files beside it: measures the model's
// top-1 accuracy on the full embedded test set (10,000 images) with the app's own code and
// records the command that trained it. Run it again whenever the model files change:
//
//   npm run pretrained -- [--model public/pretrained/alexnet-cifar] --train <the train flags>
//
// Everything after --train is the flag list given to `npm run train --`; it is checked against
// the model's metadata (architecture and seed) so that the label cannot describe another run.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { loadModel } from '../src/model/io';
import {
  accuracyPercent,
  checkPretrained,
  PRETRAINED_FORMAT,
  PRETRAINED_MANIFEST,
  type PretrainedManifest,
} from '../src/model/pretrained';
import { ProblemError } from '../src/shared/problem';
import { loadEmbeddedFromDisk } from './nodeData';
import { parseTrainArgs, problemText } from './args';
import { readModelFiles, testAccuracy } from './pretrained';

const argv = process.argv.slice(2);
const split = argv.indexOf('--train');
const own = split < 0 ? argv : argv.slice(0, split);
const trainArgs = split < 0 ? [] : argv.slice(split + 1);
const modelAt =
  own[0] === '--model' && own[1] ? own[1] : own.length === 0 ? 'public/pretrained/alexnet-cifar' : null;
if (!modelAt || split < 0 || trainArgs.length === 0) {
  console.error('usage: npm run pretrained -- [--model DIR/BASE] --train <flags given to npm run train -->');
  process.exit(2);
}

async function main(base: string): Promise<void> {
  const parsed = parseTrainArgs(trainArgs);
  if (!parsed.ok) throw new Error(parsed.problems.map(problemText).join('; '));
  await startNodeBackend('wasm', resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  const files = readModelFiles(base);
  const { model, meta } = loadModel(files.json, files.weights);
  const dataset = loadEmbeddedFromDisk(resolve('public/data'));
  const t0 = Date.now();
  const { accuracy, count } = await testAccuracy(model, meta, dataset);
  model.dispose();
  const manifest: PretrainedManifest = {
    format: PRETRAINED_FORMAT,
    model: `${basename(base)}.json`,
    weights: files.weightsFile,
    config: meta.config,
    seed: meta.seed,
    epochs: meta.epochs,
    testAccuracy: accuracy,
    testCount: count,
    command: `npm run train -- ${trainArgs.join(' ')}`,
    measuredWith: `top-1, centre view, on the embedded test set (public/data, decoded by jpeg-js); wasm, Node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'}`,
    trainedAt: meta.savedAt,
    measuredAt: new Date().toISOString(),
  };
  checkPretrained(manifest, meta);
  // The command must be the one that made these weights: same architecture and seed, and at
  // least as many epochs as were saved (a run cut short saves its last finished epoch).
  const s = parsed.settings;
  const claimed = { ...manifest, config: s.config, seed: s.seed, epochs: meta.epochs };
  checkPretrained(claimed, meta);
  if (s.epochs < meta.epochs) throw new Error(`--epochs ${s.epochs} < the model's ${meta.epochs} epochs`);
  const out = join(dirname(base), PRETRAINED_MANIFEST);
  writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `${out}: ${meta.epochs} epochs, ${accuracyPercent(accuracy)} % top-1 on ${count} test images (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
}

main(modelAt).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(
      `pretrained: ${err instanceof ProblemError ? problemText(err.problem) : err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  },
);
