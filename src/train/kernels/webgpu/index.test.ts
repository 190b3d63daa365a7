// Registration of our webgpu kernels, and a whole network's gradient on webgpu (our kernels
// with the stock rest) against the cpu backend. Tolerance: float32 through a dozen layers with
// different summation orders, so the largest difference must stay below 1e-4 of the largest
// magnitude of each cpu result (as for the wasm kernels).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../../../model/build';
import { defaultConfig } from '../../../model/spec';
import type { ModelSpec } from '../../../shared/types';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { registerWebGpuTrainingKernels } from './index';
import { onCpuAndWebGpu, relativeError, startWebGpu, values } from './testing';

const NAMES = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad'];
const registered = () => NAMES.map((n) => tf.getKernel(n, 'webgpu')?.kernelFunc);

beforeAll(async () => {
  await startWebGpu();
});

describe('registerWebGpuTrainingKernels', () => {
  it('switches between the stock kernels and ours, idempotently', () => {
    const stock = registered();
    expect(stock.every(Boolean)).toBe(true);
    registerWebGpuTrainingKernels({ speedups: false });
    expect(registered()).toEqual(stock);
    registerWebGpuTrainingKernels();
    const ours = registered();
    expect(ours[0]).toBe(conv2dBackpropFilterConfig.kernelFunc);
    ours.forEach((k, i) => expect(k).not.toBe(stock[i]));
    registerWebGpuTrainingKernels();
    expect(registered()).toEqual(ours);
    registerWebGpuTrainingKernels({ speedups: false });
    expect(registered()).toEqual(stock);
    registerWebGpuTrainingKernels();
    expect(registered()).toEqual(ours);
  });
});

describe('whole-network gradient on webgpu (our kernels)', () => {
  // A small net with every op AlexNet differentiates through: upscale, strided conv, LRN,
  // overlapping and 2/2 pooling, grouped conv, the three activations, seeded dropout, dense,
  // softmax cross-entropy.
  const spec: ModelSpec = {
    preset: 'cifar',
    config: defaultConfig('cifar'),
    layers: [
      { kind: 'input', name: 'input', height: 12, width: 12, channels: 3 },
      { kind: 'resize', name: 'upscale', height: 23, width: 23 },
      {
        kind: 'conv',
        name: 'conv1',
        filters: 8,
        kernel: 5,
        stride: 2,
        pad: 0,
        groups: 1,
        init: { kind: 'he' },
        biasInit: 0.1,
      },
      { kind: 'activation', name: 'act1', fn: 'relu' },
      { kind: 'lrn', name: 'lrn1', k: 1, n: 5, alpha: 0.1, beta: 0.75 },
      { kind: 'maxpool', name: 'pool1', size: 3, stride: 2 },
      {
        kind: 'conv',
        name: 'conv2',
        filters: 6,
        kernel: 3,
        stride: 1,
        pad: 1,
        groups: 2,
        init: { kind: 'he' },
        biasInit: 1,
      },
      { kind: 'activation', name: 'act2', fn: 'tanh' },
      { kind: 'maxpool', name: 'pool2', size: 2, stride: 2 },
      { kind: 'flatten', name: 'flatten' },
      { kind: 'dense', name: 'fc3', units: 12, init: { kind: 'normal', std: 0.1 }, biasInit: 0 },
      { kind: 'activation', name: 'act3', fn: 'sigmoid' },
      { kind: 'dropout', name: 'drop3', rate: 0.5 },
      { kind: 'dense', name: 'fc4', units: 10, init: { kind: 'he' }, biasInit: 0 },
    ],
  };

  it('equals the cpu gradient for every variable, with a flat tensor count', async () => {
    registerWebGpuTrainingKernels();
    const xs = values(4 * 12 * 12 * 3, 6);
    const labels = [3, 1, 4, 1];
    const step = () => {
      const model = createModel(spec, 9);
      const x = tf.tensor4d(xs, [4, 12, 12, 3]);
      const y = tf.oneHot(labels, 10);
      const { value, grads } = tf.variableGrads(
        () =>
          tf.losses.softmaxCrossEntropy(
            y,
            model.forward(x, { training: true, dropoutSeed: 17 }),
          ) as tf.Scalar,
        model.variables,
      );
      const out = [value, ...model.variables.map((v) => grads[v.name])];
      // Keep the results alive past the variables: clone before disposing the model.
      const kept = out.map((t) => t.clone());
      model.dispose();
      return kept;
    };
    const { cpu, gpu } = await onCpuAndWebGpu(step);
    expect(cpu.length).toBe(1 + 8);
    cpu.forEach((c, i) => {
      const { error, scale } = relativeError(gpu[i], c);
      expect(scale, i === 0 ? 'loss' : `grad ${i}`).toBeGreaterThan(0);
      expect(error, i === 0 ? 'loss' : `grad ${i}`).toBeLessThan(1e-4);
    });
    // Two more steps on webgpu leave as many tensors as there were.
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      const out = tf.tidy(step);
      await Promise.all(out.map((t) => t.data()));
      tf.dispose(out);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
