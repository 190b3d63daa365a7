// Prints (does not assert) the speed of one training step of the CIFAR preset at batch 64 on
// wasm in Node, with the replacement kernels. environment.md quotes 3.5 s (18 img/s) in Chromium.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { createModel } from '../../model/build';
import { buildSpec, defaultConfig } from '../../model/spec';

beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.ready();
});

it('one CIFAR-preset training step at batch 64 on wasm (timing printed)', async () => {
  const batch = 64;
  const model = createModel(buildSpec(defaultConfig('cifar')), 1);
  const x = tf.randomNormal([batch, 32, 32, 3], 0, 1, 'float32', 2) as tf.Tensor4D;
  const y = tf.oneHot(
    Array.from({ length: batch }, (_, i) => i % 10),
    10,
  );
  const step = (i: number) =>
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(
        () =>
          tf.losses.softmaxCrossEntropy(y, model.forward(x, { training: true, dropoutSeed: i })) as tf.Scalar,
        model.variables,
      );
      // Plain SGD so the step includes the update, as in training.
      for (const v of model.variables) v.assign(tf.sub(v, tf.mul(grads[v.name], 0.01)));
      return value.dataSync()[0];
    });
  const first = step(0); // warm-up: XNNPACK operator creation, heap growth
  const times: number[] = [];
  let loss = first;
  for (let i = 1; i <= 2; i++) {
    const t0 = performance.now();
    loss = step(i);
    times.push(performance.now() - t0);
  }
  const ms = Math.min(...times);
  console.log(
    `wasm, CIFAR preset, batch ${batch}: ${ms.toFixed(0)} ms/step, ${((batch * 1000) / ms).toFixed(1)} img/s ` +
      `(steps: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
  );
  expect(Number.isFinite(loss)).toBe(true);
  tf.dispose([x, y]);
  model.dispose();
});
