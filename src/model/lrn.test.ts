import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lrn, lrnOps, usesLrnKernel, type LrnParams } from './lrn';
import { declareOwnKernel } from '../shared/ownKernels';

/** Float64 reference written from the paper's formula (alpha not divided by n). x is NHWC, flat. */
function lrn64(x: Float64Array, shape: number[], p: LrnParams): Float64Array {
  const C = shape[3];
  const r = Math.floor(p.n / 2);
  const out = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += C) {
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let j = Math.max(0, c - r); j <= Math.min(C - 1, c + r); j++) s += x[base + j] ** 2;
      out[base + c] = x[base + c] * (p.k + p.alpha * s) ** -p.beta;
    }
  }
  return out;
}

function randomArray(n: number, seed: number): Float64Array {
  // Small LCG so the test inputs are fixed; values in [-2, 2).
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return (s / 4294967296) * 4 - 2;
  });
}

const PAPER: LrnParams = { k: 2, n: 5, alpha: 1e-4, beta: 0.75 };
// Large alpha so the normalising term dominates and a wrong gradient would show.
const STRONG: LrnParams = { k: 1, n: 5, alpha: 0.5, beta: 0.75 };

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('lrn as ops', () => {
  it.each([
    ['paper', PAPER],
    ['strong', STRONG],
  ])('matches tf.localResponseNormalization and the float64 formula (%s)', (_name, p) => {
    const shape = [2, 3, 4, 9];
    const data = randomArray(2 * 3 * 4 * 9, 7);
    const x = tf.tensor4d(Float32Array.from(data), shape as [number, number, number, number]);
    const ours = lrn(x, p).dataSync();
    const stock = tf.localResponseNormalization(x, (p.n - 1) / 2, p.k, p.alpha, p.beta).dataSync();
    const ref = lrn64(Float64Array.from(x.dataSync()), shape, p);
    for (let i = 0; i < ref.length; i++) {
      expect(Math.abs(ours[i] - stock[i])).toBeLessThan(1e-6);
      expect(Math.abs(ours[i] - ref[i])).toBeLessThan(1e-6);
    }
    x.dispose();
  });

  it('has the gradient of the float64 formula (central finite differences)', () => {
    const shape = [2, 2, 3, 7];
    const size = 2 * 2 * 3 * 7;
    const xs = randomArray(size, 11);
    const w = randomArray(size, 12);
    // Loss L = Σ w · lrn(x); dL/dx from TF vs (L(x + h·e_i) − L(x − h·e_i)) / 2h in float64.
    const loss64 = (v: Float64Array) => lrn64(v, shape, STRONG).reduce((s, y, i) => s + y * w[i], 0);
    const x = tf.tensor4d(Float32Array.from(xs), shape as [number, number, number, number]);
    const wt = tf.tensor4d(Float32Array.from(w), shape as [number, number, number, number]);
    const g = tf.grad((v) => tf.sum(tf.mul(lrn(v as tf.Tensor4D, STRONG), wt)))(x);
    const analytic = g.dataSync();
    const x64 = Float64Array.from(x.dataSync());
    const h = 1e-5;
    for (let i = 0; i < size; i++) {
      const plus = x64.slice();
      const minus = x64.slice();
      plus[i] += h;
      minus[i] -= h;
      const numeric = (loss64(plus) - loss64(minus)) / (2 * h);
      expect(Math.abs(analytic[i] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    }
    tf.dispose([x, wt, g]);
  });
});

describe('lrn dispatch (usesLrnKernel)', () => {
  it('always takes the LRN kernels on wasm (ours or stock: both beat the ops)', () => {
    expect(usesLrnKernel('wasm')).toBe(true);
  });

  it('takes the kernels only while a declared LRNGrad is the registered one', async () => {
    const shape: [number, number, number, number] = [2, 2, 3, 7];
    const x = tf.tensor4d(Float32Array.from(randomArray(2 * 2 * 3 * 7, 13)), shape);
    const kernels = async () => (await tf.profile(() => lrn(x, STRONG))).kernelNames;
    const grad = (f: typeof lrn) => tf.grad((v) => tf.sum(tf.mul(f(v as tf.Tensor4D, STRONG), v)))(x);
    // cpu's stock LRNGrad is not declared: ops.
    expect(usesLrnKernel('cpu')).toBe(false);
    expect(await kernels()).not.toContain('LRN');
    // A declared LRNGrad (here the stock one, wrapped) registered for cpu: the kernels, with the
    // ops' values and gradient.
    const stock = tf.getKernel('LRNGrad', 'cpu')!;
    const wrapped: tf.KernelConfig = { ...stock, kernelFunc: (args) => stock.kernelFunc(args) };
    declareOwnKernel(wrapped.kernelFunc);
    tf.unregisterKernel('LRNGrad', 'cpu');
    tf.registerKernel(wrapped);
    try {
      expect(usesLrnKernel('cpu')).toBe(true);
      expect(await kernels()).toEqual(['LRN']);
      const [a, b] = [grad(lrn), grad(lrnOps)];
      const [ga, gb] = [a.dataSync(), b.dataSync()];
      for (let i = 0; i < ga.length; i++) expect(Math.abs(ga[i] - gb[i])).toBeLessThan(1e-5);
      tf.dispose([a, b]);
    } finally {
      // The stock kernel back: the ops again.
      tf.unregisterKernel('LRNGrad', 'cpu');
      tf.registerKernel(stock);
    }
    expect(usesLrnKernel('cpu')).toBe(false);
    expect(await kernels()).not.toContain('LRN');
    x.dispose();
  });
});
