// Node entry for GPU machines: the app's own training step (src/train/step.ts) on TF.js's WebGPU
// backend through Dawn (npm package `webgpu`), or on wasm/cpu for comparison.
//   npm run bench:node -- --backend webgpu --runs cifar:128:10,paper:128:5
// Bundled by `npm run bench:node:build` into dist-bench/bench-node.mjs (webgpu stays external),
// which ../shared/device/prepare-carry.sh packs for the GPU machine.
import './webgpu-globals';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { measureThroughput } from '../src/bench/throughput';
import { registerWasmTrainingKernels } from '../src/train/kernels';
import type { PresetId } from '../src/shared/types';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function main() {
  const backend = opt('backend', 'webgpu');
  if (backend === 'wasm') registerWasmTrainingKernels();
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not start`);
  await tf.ready();
  const runs = opt('runs', 'cifar:128:10,paper:128:5')
    .split(',')
    .map((r) => r.split(':'));
  const results = [];
  for (const [preset, batch, steps] of runs) {
    const r = await measureThroughput(preset as PresetId, Number(batch), Number(steps));
    results.push(r);
    console.log(
      `${r.backend} ${r.preset} batch ${r.batchSize}: ${r.imagesPerSec.toFixed(1)} img/s, ` +
        `${r.msPerStep.toFixed(1)} ms/step (warm-up ${r.warmupMs.toFixed(0)} ms, ${r.steps} steps)`,
    );
  }
  console.log(JSON.stringify({ when: new Date().toISOString(), results }));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
