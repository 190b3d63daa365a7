// The HashDropout op (src/model/dropout.ts) on the cpu backend with its reference kernel: the
// hash, the mask's statistics, determinism per seed, the gradient (checked numerically), the
// fallback to tf.dropout where no kernel is registered, and a flat tensor count.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropout, usesHashDropout } from '../../model/dropout';
import { HASH_DROPOUT, pcgHash } from '../../shared/customOps';
import { hashDropoutCpuConfig } from './hashDropout';

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.registerKernel(hashDropoutCpuConfig);
});
afterAll(() => tf.unregisterKernel(HASH_DROPOUT, 'cpu'));

/** Element i of a [n] ramp: distinct, non-zero values, so a kept element shows its index. */
const ramp = (n: number) => tf.range(1, n + 1, 1, 'float32');

describe('pcgHash', () => {
  it('gives the PCG hash in unsigned 32-bit arithmetic (values from an independent Python check)', () => {
    expect([0, 1, 2, 12345, 0xffffffff].map(pcgHash)).toEqual([
      129708002, 2831084092, 2055130248, 4099845390, 3861530882,
    ]);
  });
});

describe('dropout with the HashDropout kernel (cpu)', () => {
  it('is used on cpu once the kernel is registered', () => {
    expect(usesHashDropout('cpu')).toBe(true);
  });

  it.each([0.5, 0.2, 0.9])('keeps a fraction 1 − %f of the elements, scaled by 1 / (1 − rate)', (rate) => {
    const n = 200_000;
    const x = tf.ones([n]);
    const y = dropout(x, rate, 42).dataSync();
    let kept = 0;
    for (const v of y) {
      if (v !== 0) {
        kept++;
        expect(v).toBe(Math.fround(1 / (1 - rate)));
      }
    }
    // Binomial: 5 standard deviations.
    const sd = Math.sqrt(n * rate * (1 - rate));
    expect(Math.abs(kept - n * (1 - rate))).toBeLessThan(5 * sd);
    x.dispose();
  });

  it('draws the same mask for the same seed, an independent one for another seed', () => {
    const n = 100_000;
    const x = ramp(n);
    const a = dropout(x, 0.5, 7).dataSync();
    const b = dropout(x, 0.5, 7).dataSync();
    const c = dropout(x, 0.5, 8).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    // Independent masks agree on about half of the elements.
    let same = 0;
    for (let i = 0; i < n; i++) if ((a[i] === 0) === (c[i] === 0)) same++;
    expect(Math.abs(same / n - 0.5)).toBeLessThan(0.01);
    // Neighbouring elements are not correlated either (the hash mixes the index).
    let runs = 0;
    for (let i = 1; i < n; i++) if ((a[i] === 0) !== (a[i - 1] === 0)) runs++;
    expect(Math.abs(runs / n - 0.5)).toBeLessThan(0.01);
    x.dispose();
  });

  it('has the gradient mask · scale, checked against finite differences', () => {
    const x = tf.tensor2d([0.3, -1.2, 2.5, 0.7, -0.4, 1.1, 0.9, -2.2], [2, 4]);
    const w = tf.tensor2d([1.5, -0.5, 2, 1, 0.25, -3, 0.5, 1.75], [2, 4]);
    const f = (t: tf.Tensor) => tf.sum(tf.mul(dropout(t, 0.5, 3), w));
    const grad = tf.grad(f)(x).dataSync();
    const xs = x.dataSync();
    const eps = 1e-2;
    for (let i = 0; i < xs.length; i++) {
      const shifted = (d: number) => {
        const v = Float32Array.from(xs);
        v[i] += d;
        return tf.tidy(() => f(tf.tensor2d(v, [2, 4])).dataSync()[0]);
      };
      const numeric = (shifted(eps) - shifted(-eps)) / (2 * eps);
      expect(grad[i]).toBeCloseTo(numeric, 3);
    }
    // The mask is that of the forward pass: zero gradient exactly where the output is zero.
    const y = dropout(x, 0.5, 3).dataSync();
    y.forEach((v, i) => expect(grad[i] === 0).toBe(v === 0));
    tf.dispose([x, w]);
  });

  it('leaves rate 0 alone and refuses a rate outside [0, 1)', () => {
    const x = ramp(5);
    expect(dropout(x, 0, 1)).toBe(x);
    expect(() => dropout(x, 1, 1)).toThrow(/\[0, 1\)/);
    expect(() => dropout(x, -0.1, 1)).toThrow(/\[0, 1\)/);
    x.dispose();
  });

  it('keeps the tensor count flat, gradients included', () => {
    const x = ramp(64);
    const once = () => tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(dropout(t, 0.5, 1)))(x));
    once().dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) once().dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});

describe('dropout without the kernel', () => {
  it('is tf.dropout, seed for seed', () => {
    tf.unregisterKernel(HASH_DROPOUT, 'cpu');
    try {
      expect(usesHashDropout('cpu')).toBe(false);
      const x = ramp(1000);
      expect(Array.from(dropout(x, 0.5, 11).dataSync())).toEqual(
        Array.from(tf.dropout(x, 0.5, undefined, 11).dataSync()),
      );
      x.dispose();
    } finally {
      tf.registerKernel(hashDropoutCpuConfig);
    }
  });
});
