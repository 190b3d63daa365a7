// Headless training: the app's own training code (src/train/trainer.ts) in Node, on the embedded
// CIFAR-10, on TF.js's wasm backend with the project's kernels (the fastest CPU route here), or on
// WebGPU through the npm package `webgpu` with --backend webgpu (GPU machines).
//
//   npm run train -- --preset cifar --epochs 2 --seed 1 [--recipe] [--quick 5000:1000]
//                    [--batch 128] [--lr 0.01] [--batches 1,2,3,4,5] [--out docs/results/NAME]
//                    [--save-model DIR/BASE] [--weights float32|float16] [--threads N]
//                    [--twin-case DIR]
//
// Every setting of the table has a flag (cli/args.ts; e.g. --no-lrn, --schedule step, --flip).
//
// Prints one line per epoch and writes NAME.json (an experiment file the app's compare view
// imports) and NAME.csv (the app's per-step CSV); --save-model writes the trained weights in the
// app's model format (BASE.json + BASE.weights.bin, loadable in Look inside) after every epoch;
// --weights float16 writes them at half the size. On wasm it trains on a thread per logical core,
// as the browser does (cli/wasmThreads.ts); --threads 1 keeps it to the single-threaded build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import os from 'node:os';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { enableWasmThreads } from './wasmThreads';
import { writeTwinCase } from './twinCase';
import { train } from '../src/train/trainer';
import { RunControl } from '../src/train/control';
import { buildSpec } from '../src/model/spec';
import { appendEval, appendSteps, createRecord, finishRecord, newRunId } from '../src/lab/record';
import { exportExperiment } from '../src/lab/experiment';
import { runToCsv } from '../src/lab/csv';
import { loadEmbeddedFromDisk } from './nodeData';
import { saveWeights } from '../src/model/io';
import type { TrainableModel } from '../src/model/build';
import type { ChannelStats } from '../src/data/batches';
import { parseTrainArgs, problemText } from './args';
import { ProblemError } from '../src/shared/problem';
import { en } from '../src/ui/i18n/en';
import { wordProblem } from '../src/ui/i18n/render';

const parsed = parseTrainArgs(process.argv.slice(2));
if (!parsed.ok) {
  for (const p of parsed.problems) console.error(`train: ${problemText(p)}`);
  process.exit(2);
}
const { settings, options } = parsed;

async function startBackend(name: string): Promise<string> {
  if (name !== 'webgpu' && name !== 'wasm' && name !== 'cpu')
    throw new Error(`--backend ${name}: webgpu, wasm or cpu`);
  const threads = options.threads === undefined ? null : Number(options.threads);
  if (threads !== null && !(Number.isInteger(threads) && threads >= 1 && threads <= 8))
    throw new Error(`--threads ${options.threads}: a whole number from 1 to 8`);
  const started = name === 'wasm' && threads !== 1 ? enableWasmThreads(threads ?? undefined) : () => {};
  await startNodeBackend(name, resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  started();
  if (name !== 'wasm') return name;
  const n = getThreadsCount();
  return `wasm, ${n > 1 ? `${n} threads` : 'one thread'} (Node ${process.version}, ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length})`;
}

async function main() {
  const precision = options.weights ?? 'float32';
  if (precision !== 'float32' && precision !== 'float16')
    throw new Error(`--weights ${precision}: float32 or float16`);
  const backend = await startBackend(options.backend ?? 'wasm');
  // First line: what it runs on (threads included), so a figure is never read without it.
  console.log(`backend: ${backend}`);
  const t0 = Date.now();
  const dataset = loadEmbeddedFromDisk(resolve('public/data'));
  console.log(
    `data: ${dataset.train.count} train / ${dataset.test.count} test images in ${Date.now() - t0} ms`,
  );
  if (options['twin-case']) {
    writeTwinCase(options['twin-case'], buildSpec(settings.config), settings, dataset);
    console.log(
      `twin case: ${options['twin-case']} (/usr/bin/python3 cli/twinRecipe.py ${options['twin-case']})`,
    );
  }
  const rec = createRecord(settings, {
    id: newRunId(Date.now()),
    now: Date.now(),
    backend,
    name: options.name,
  });
  const save = (): boolean => {
    const out = options.out;
    if (!out) return false;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.json`, exportExperiment([rec], rec.id, new Date()));
    writeFileSync(`${out}.csv`, runToCsv(rec));
    return true;
  };
  // The model the trainer builds, and the normalisation it trains with.
  const live: { held: { model: TrainableModel; stats: ChannelStats } | null } = { held: null };
  let epochsDone = 0;
  const saveWeightsAs = (weights: Float32Array[], epochs: number): void => {
    const base = options['save-model'];
    const held = live.held;
    if (!base || !held) return;
    mkdirSync(dirname(resolve(base)), { recursive: true });
    const { json, weights: bytes } = saveWeights(
      held.model.spec,
      held.model.params.map((p, i) => ({
        layer: p.layer,
        role: p.role,
        shape: p.variable.shape,
        values: weights[i],
      })),
      {
        config: settings.config,
        seed: settings.seed,
        stats: held.stats,
        trained: epochs > 0,
        epochs,
        provenance: dataset.source.description,
        savedAt: new Date().toISOString(),
      },
      `${basename(base)}.weights.bin`,
      precision,
    );
    writeFileSync(`${base}.json`, json);
    writeFileSync(`${base}.weights.bin`, new Uint8Array(bytes));
  };
  const control = new RunControl();
  process.on('SIGINT', () => control.stop());
  let lastLog = Date.now();
  const model = await train(buildSpec(settings.config), settings, dataset, control, {
    onModel: (m, stats) => (live.held = { model: m, stats }),
    // After each epoch but the last (the trainer waits for the weights' copy): a run cut short
    // by a time limit still leaves its last finished epoch's model behind.
    onCheckpoint: options['save-model'] ? (cp) => saveWeightsAs(cp.weights, cp.epoch) : undefined,
    onState: (state, why) => {
      const message = why ? wordProblem(en, why) : null;
      if (state === 'done' || state === 'error') finishRecord(rec, state, message, Date.now());
      if (message) console.log(`${state}: ${message}`);
    },
    onStep: (m) => {
      appendSteps(rec, [m]);
      if (Date.now() - lastLog > 30_000) {
        lastLog = Date.now();
        console.log(
          `  step ${m.step} (epoch ${m.epoch}, ${(m.epochProgress * 100).toFixed(0)} %): loss ${m.loss.toFixed(4)}, ${m.imagesPerSec.toFixed(1)} img/s`,
        );
      }
    },
    onEval: (m) => {
      appendEval(rec, m);
      if (m.kind !== 'epoch') return;
      epochsDone = m.epoch;
      save(); // a long run stopped half-way still leaves its finished epochs behind
      const tta = m.tta ? `, mirrored-average top-1 error ${(m.tta.top1Error * 100).toFixed(2)} %` : '';
      console.log(
        `epoch ${m.epoch}: train acc ${((m.trainAcc ?? 0) * 100).toFixed(2)} %, test acc ${(m.testAcc * 100).toFixed(2)} %, ` +
          `top-1 error ${(m.top1Error * 100).toFixed(2)} %, top-5 error ${(m.top5Error * 100).toFixed(2)} %${tta} ` +
          `(${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      );
    },
  });
  // Read asynchronously: a synchronous read from WebGPU in Node needs OffscreenCanvas.
  if (options['save-model'])
    saveWeightsAs(
      await Promise.all(model.params.map((p) => p.variable.data() as Promise<Float32Array>)),
      epochsDone,
    );
  model.dispose();
  if (rec.endedAt === null) finishRecord(rec, 'done', 'stopped', Date.now());
  if (save()) console.log(`written: ${options.out}.json (import it in the app's lab), ${options.out}.csv`);
  if (options['save-model'])
    console.log(
      `model: ${options['save-model']}.json + .weights.bin (${epochsDone} epochs; load it in Look inside)`,
    );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const text =
      err instanceof ProblemError
        ? wordProblem(en, err.problem)
        : String(err instanceof Error ? err.message : err);
    console.error(`train: ${text}`);
    process.exit(1);
  },
);
