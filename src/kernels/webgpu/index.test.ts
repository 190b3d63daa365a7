// Registration of our webgpu kernels, and a whole network's gradient on webgpu (our kernels
// with the stock rest) against the cpu backend. Tolerance: float32 through a dozen layers with
// different summation orders, so the largest difference must stay below 1e-4 of the largest
// magnitude of each cpu result (expectClose's default, as for the wasm kernels). The network has
// seeded dropout: HashDropout, registered on both backends, draws the same masks on both.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { registerWebGpuTrainingKernels } from './index';
import { sgdVelocityConfig } from './sgdVelocity';
import { HASH_DROPOUT, SGD_VELOCITY } from '../../shared/customOps';
import { hashDropoutConfig } from './hashDropout';
import { hashDropoutCpuConfig } from '../cpu/hashDropout';
import { expectClose } from '../common/compareBackends.testing';
import { SMALL_NET_OUTPUTS, smallNetGradients } from '../common/smallNet.testing';
import { onCpuAndWebGpu, startWebGpu } from './testing';

const NAMES = ['Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPoolGrad', 'Conv2D', 'FusedConv2D'];
const registered = () => NAMES.map((n) => tf.getKernel(n, 'webgpu')?.kernelFunc);
/** Ours without a stock counterpart (registered with speed-ups only): [backend, kernel]. */
const NO_STOCK: [string, string][] = [
  ['webgpu', SGD_VELOCITY],
  ['webgpu', HASH_DROPOUT],
  ['cpu', HASH_DROPOUT],
];
const noStock = () => NO_STOCK.map(([b, n]) => tf.getKernel(n, b)?.kernelFunc);
const NONE = NO_STOCK.map(() => undefined);
const NO_STOCK_OURS = [sgdVelocityConfig, hashDropoutConfig, hashDropoutCpuConfig].map((c) => c.kernelFunc);

beforeAll(async () => {
  await startWebGpu();
});

describe('registerWebGpuTrainingKernels', () => {
  it('switches between the stock kernels and ours, idempotently', () => {
    const stock = registered();
    expect(stock.every(Boolean)).toBe(true);
    expect(noStock()).toEqual(NONE);
    registerWebGpuTrainingKernels({ ours: false });
    expect(registered()).toEqual(stock);
    expect(noStock()).toEqual(NONE);
    registerWebGpuTrainingKernels();
    const ours = registered();
    expect(ours[0]).toBe(conv2dBackpropFilterConfig.kernelFunc);
    ours.forEach((k, i) => expect(k).not.toBe(stock[i]));
    expect(noStock()).toEqual(NO_STOCK_OURS);
    registerWebGpuTrainingKernels();
    expect(registered()).toEqual(ours);
    expect(noStock()).toEqual(NO_STOCK_OURS);
    registerWebGpuTrainingKernels({ ours: false });
    expect(registered()).toEqual(stock);
    expect(noStock()).toEqual(NONE);
    registerWebGpuTrainingKernels({ ours: false });
    expect(noStock()).toEqual(NONE);
    registerWebGpuTrainingKernels();
    expect(registered()).toEqual(ours);
    expect(noStock()).toEqual(NO_STOCK_OURS);
  });
});

describe('whole-network gradient on webgpu (our kernels)', () => {
  it('equals the cpu gradient for every variable, with a flat tensor count', async () => {
    registerWebGpuTrainingKernels();
    const { cpu, gpu } = await onCpuAndWebGpu(smallNetGradients);
    expect(cpu.length).toBe(SMALL_NET_OUTPUTS);
    cpu.forEach((c, i) => expectClose(gpu[i], c, i === 0 ? 'loss' : `grad ${i}`));
    // Two more steps on webgpu leave as many tensors as there were.
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      const out = tf.tidy(smallNetGradients);
      await Promise.all(out.map((t) => t.data()));
      tf.dispose(out);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
