// Node entry for GPU machines: the app's own training step (src/train/step.ts) on TF.js's WebGPU
// backend through Dawn (npm package `webgpu`), or on wasm/cpu for comparison.
//   npm run bench:node -- --backend webgpu --runs cifar:128:10,paper:128:5 [--profile]
// --baseline times the stock kernels (wasm: stock + the two it cannot train without; webgpu: all
// stock) instead of the project's (src/kernels/wasm, src/kernels/webgpu).
// --kernels BATCH [--layers paper|cifar] times instead, layer by layer, the stock webgpu
// kernels against ours (bench/kernels/compareKernels.ts): forward, weight and input
// gradient of each convolution, MaxPoolGrad of each pooling.
// --tile 64|128 builds every GEMM of our convolution kernels with that tile (default: the rule in
// src/kernels/webgpu/tiledGemm.ts chooseTile), so one GPU session can time both.
// --no-guard times the step without the training guard's per-layer finite sums (the app always
// has them: src/train/guard.ts), to measure what they cost.
// --profile adds one tf.profile()d step per run: time per kernel type (on webgpu from the GPU's
// timestamp queries when the adapter has them); --top N lists N kernel types (default 12).
// --self-test runs the app's GPU self-test instead (bench/selfTest.ts): each kernel case's max
// error against cpu and pass/fail, then a whole training step of each of --presets (default
// cifar,paper) against wasm, then one JSON line.
// Without a GPU (SwiftShader, only to check that it runs; ~35 s per CIFAR step at batch 2):
//   LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//     npm run bench:node -- --runs cifar:2:1
// Bundled by `npm run bench:node:build` into dist-bench/bench-node.mjs (webgpu stays external),
// which ../shared/device/prepare-carry.sh packs for the GPU machine.
import path from 'node:path';
import { measureThroughput } from './throughput';
import { setKernelChoice } from '../src/kernels/choice';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { runSelfTest } from './selfTest';
import type { PresetId } from '../src/shared/types';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

async function main() {
  const backend = opt('backend', 'webgpu');
  const profile = args.includes('--profile');
  if (backend !== 'webgpu' && backend !== 'wasm' && backend !== 'cpu')
    throw new Error(`--backend ${backend}: webgpu, wasm or cpu`);
  const tile = opt('tile', 'auto');
  if (tile !== 'auto' && tile !== '64' && tile !== '128') throw new Error(`--tile ${tile}: 64, 128 or auto`);
  setKernelChoice({
    set: args.includes('--baseline') ? 'stock' : 'ours',
    gemmTile: tile === 'auto' ? 'auto' : tile === '64' ? 64 : 128,
  });
  const wasmDir = `${path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}/`;
  if (args.includes('--self-test')) {
    const presets = opt('presets', 'cifar,paper').split(',') as PresetId[];
    if (!presets.every((p) => p === 'cifar' || p === 'paper'))
      throw new Error('--presets: cifar and/or paper');
    await runSelfTest(wasmDir, presets, (line) => console.log(line));
    return;
  }
  await startNodeBackend(backend, wasmDir);
  if (args.includes('--kernels')) {
    // Imported only now: it loads tfjs-backend-webgpu, which registers itself only if the Dawn
    // globals (set by startNodeBackend) already exist.
    const { alexNetCases, compareKernels } = await import('./kernels/compareKernels');
    const cases = alexNetCases(Number(opt('kernels', '32')));
    const only = (name: string) => name.startsWith(opt('layers', ''));
    const picked = {
      convs: cases.convs.filter((c) => only(c.name)),
      pools: cases.pools.filter((p) => only(p.name)),
    };
    await compareKernels(picked, Number(opt('reps', '3')), (line) => console.log(line));
    return;
  }
  const runs = opt('runs', 'cifar:128:10,paper:128:5')
    .split(',')
    .map((r) => r.split(':'));
  const results = [];
  for (const [preset, batch, steps] of runs) {
    const r = await measureThroughput(
      preset as PresetId,
      Number(batch),
      Number(steps),
      profile,
      !args.includes('--no-guard'),
    );
    results.push(r);
    console.log(
      `${r.backend} ${r.preset} batch ${r.batchSize}${r.guard ? '' : ' (no guard)'}: ${r.imagesPerSec.toFixed(1)} img/s, ` +
        `${r.msPerStep.toFixed(1)} ms/step (warm-up ${r.warmupMs.toFixed(0)} ms, ${r.steps} steps)`,
    );
    if (r.profile) {
      console.log(
        `  profiled step ${r.profile.stepMs.toFixed(0)} ms, kernels ${r.profile.kernelMs?.toFixed(0) ?? 'untimed'}`,
      );
      for (const k of r.profile.kernels.slice(0, Number(opt('top', '12'))))
        console.log(
          `  ${k.name.padEnd(22)} x${k.calls}  ${k.ms === null ? 'untimed' : `${k.ms.toFixed(1)} ms ${(100 * (k.share ?? 0)).toFixed(1)} %`}`,
        );
    }
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
