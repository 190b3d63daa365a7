// Our webgpu LRN and LRNGrad against the cpu backend's kernels (forward, and the gradient through
// tf.grad of tf.localResponseNormalization) and against the model's ops-based LRN on webgpu
// (lrnOps, what the model ran there before). Tolerance: 1e-5 of the largest cpu magnitude
// (expectClose): a handful of float32 products and sums per element in another order, and WGSL's
// division and square root (a few ULP); observed up to 2e-7. Small tensors: SwiftShader is slow.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lrn, lrnOps, usesLrnKernel } from '../../model/lrn';
import { registerWebGpuTrainingKernels } from './index';
import { lrnConfig, lrnGradConfig } from './localResponseNorm';
import { expectClose, size, values } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu } from './testing';

const TOLERANCE = 1e-5;

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  await startWebGpu();
});

/** Inputs with ReLU-like zeros (all-zero windows: N = bias) and magnitudes up to 2. */
const inputs = (shape: number[]) => ({
  xs: values(size(shape), 31).map((v) => (v < -0.3 ? 0 : 2 * v)),
  dys: values(size(shape), 32),
});

describe('LRN and LRNGrad on webgpu (ours)', () => {
  it('are the registered kernels', () => {
    expect(tf.getKernel('LRN', 'webgpu')?.kernelFunc).toBe(lrnConfig.kernelFunc);
    expect(tf.getKernel('LRNGrad', 'webgpu')?.kernelFunc).toBe(lrnGradConfig.kernelFunc);
  });

  // [shape, depthRadius, bias, alpha, beta]: AlexNet's constants with a large α so that the
  // normalising term matters; C a multiple of 4 (4 channels a thread) and not; radius 1 and 3;
  // windows wider than the channels; β with a square-root path (0.5), with a division (1), and
  // with pow (1.3); radius 5, above UNROLL_MAX (loops); one channel (radius clamped to 0).
  const cases: [number[], number, number, number, number][] = [
    [[2, 5, 5, 12], 2, 2, 0.3, 0.75],
    [[2, 4, 3, 9], 2, 1, 0.5, 0.75],
    [[2, 3, 3, 7], 1, 1, 0.5, 0.75],
    [[1, 2, 3, 3], 2, 1, 0.5, 0.75],
    [[2, 3, 4, 8], 2, 1, 0.5, 0.5],
    [[2, 3, 2, 6], 2, 2, 0.4, 1],
    [[1, 3, 2, 10], 3, 1, 0.2, 1.3],
    [[1, 2, 2, 4], 6, 1, 0.3, 0.75],
    [[1, 2, 3, 13], 5, 1, 0.1, 0.75],
    [[2, 2, 3, 1], 2, 1, 0.5, 0.75],
  ];
  it.each(cases)('x %j, radius %i, bias %f, α %f, β %f: matches cpu', async (shape, r, bias, alpha, beta) => {
    const { xs, dys } = inputs(shape);
    const { cpu, gpu } = await onCpuAndWebGpu(() => {
      const x = tf.tensor4d(xs, shape as [number, number, number, number]);
      const dy = tf.tensor4d(dys, shape as [number, number, number, number]);
      const f = (v: tf.Tensor) => tf.localResponseNormalization(v as tf.Tensor4D, r, bias, alpha, beta);
      return [f(x), tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), dy)))(x)];
    });
    expectClose(gpu[0], cpu[0], 'y', TOLERANCE);
    expectClose(gpu[1], cpu[1], 'dx', TOLERANCE);
  });

  it.each([
    ['paper', { k: 2, n: 5, alpha: 1e-4, beta: 0.75 }],
    ['strong', { k: 1, n: 5, alpha: 0.5, beta: 0.75 }],
    ['n = 3, β = 0.6', { k: 1, n: 3, alpha: 0.4, beta: 0.6 }],
  ])("model's lrn() takes our kernels and matches its ops on webgpu (%s)", async (_name, p) => {
    await tf.setBackend('webgpu');
    expect(usesLrnKernel('webgpu')).toBe(true);
    const shape: [number, number, number, number] = [2, 4, 4, 10];
    const { xs, dys } = inputs(shape);
    const [ours, ops] = tf.tidy(() => {
      const x = tf.tensor4d(xs, shape);
      const dy = tf.tensor4d(dys, shape);
      const run = (f: typeof lrn) => [
        f(x, p),
        tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v as tf.Tensor4D, p), dy)))(x),
      ];
      return [run(lrn), run(lrnOps)];
    });
    const data = async (ts: tf.Tensor[]) => Promise.all(ts.map((t) => t.data() as Promise<Float32Array>));
    const [a, b] = [await data(ours), await data(ops)];
    tf.dispose([...ours, ...ops]);
    expectClose(a[0], b[0], 'y', TOLERANCE);
    expectClose(a[1], b[1], 'dx', TOLERANCE);
  });

  it("switches the model's lrn() back to its ops with the stock kernels", async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor4d(inputs([1, 2, 2, 8]).xs, [1, 2, 2, 8]);
    const kernels = async () =>
      (await tf.profile(() => lrn(x, { k: 2, n: 5, alpha: 1e-4, beta: 0.75 }))).kernelNames;
    try {
      expect(await kernels()).toEqual(['LRN']);
      registerWebGpuTrainingKernels({ ours: false });
      expect(usesLrnKernel('webgpu')).toBe(false);
      expect(await kernels()).not.toContain('LRN');
    } finally {
      registerWebGpuTrainingKernels();
      x.dispose();
    }
    expect(usesLrnKernel('webgpu')).toBe(true);
  });

  it('keeps the tensor count flat across repeated calls', async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor4d(inputs([2, 5, 5, 12]).xs, [2, 5, 5, 12]);
    const grad = tf.grad((t: tf.Tensor) =>
      tf.sum(tf.localResponseNormalization(t as tf.Tensor4D, 2, 2, 1e-4, 0.75)),
    );
    const once = async () => {
      const dx = grad(x);
      await dx.data();
      dx.dispose();
    };
    await expectFlatMemory(once);
    x.dispose();
  });
});
