// Each replacement kernel, and a whole network's gradient, on wasm against the cpu backend.
// Tolerance: see expectClose (1e-4 of the largest cpu magnitude).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { expectClose, explicit, onBoth, size, values, type Pad } from '../common/compareBackends.testing';
import { SMALL_NET_OUTPUTS, smallNetGradients } from '../common/smallNet.testing';
import { heapMemory } from './simd/heap';
import { maxPoolGradSimdFor } from './simd/maxPoolGradSimd';

beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  registerWasmTrainingKernels();
  registerWasmTrainingKernels(); // idempotent
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('Conv2DBackpropFilter on wasm', () => {
  // [x shape, kernel, filters, stride, pad]: AlexNet's C1 (11×11/4, exact and with a remainder the
  // forward floors away), C2 (5×5 pad 2), C3–C5 (3×3 pad 1), and an asymmetric 'same' pad.
  const cases: [number[], number, number, number, Pad][] = [
    [[3, 35, 35, 3], 11, 8, 4, 'valid'],
    [[2, 38, 37, 3], 11, 6, 4, 'valid'],
    [[3, 9, 9, 6], 5, 8, 1, explicit(2)],
    [[2, 7, 7, 5], 3, 4, 1, explicit(1)],
    [[2, 8, 8, 3], 3, 5, 2, 'same'],
    [[2, 11, 11, 4], 3, 3, 2, explicit(1)],
  ];
  it.each(cases)('x %j, %i×%i … matches cpu (weight and input gradients)', async (shape, k, f, s, pad) => {
    const xs = values(size(shape), 1);
    const ws = values(k * k * shape[3] * f, 2);
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.tensor4d(xs, shape as [number, number, number, number]);
      const w = tf.tensor4d(ws, [k, k, shape[3], f]);
      const y = tf.conv2d(x, w, s, pad);
      const dy = tf.tensor(values(y.size, 3), y.shape);
      const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, s, pad), dy)),
      )([x, w]);
      return [dw, dx];
    });
    expectClose(wasm[0], cpu[0], 'dW');
    expectClose(wasm[1], cpu[1], 'dx');
  });
});

describe('MaxPoolGrad on wasm', () => {
  // C a multiple of 4 with windows inside the input takes our SIMD path; the rest the JS loop.
  const cases: [number[], number, number, boolean, 'valid' | 'same'][] = [
    [[3, 15, 15, 5], 3, 2, false, 'valid'],
    [[2, 16, 16, 4], 2, 2, false, 'valid'],
    [[2, 13, 13, 7], 3, 2, true, 'valid'],
    [[2, 27, 27, 3], 2, 2, true, 'valid'],
    [[2, 13, 13, 8], 3, 2, true, 'valid'],
    [[3, 15, 15, 12], 3, 2, false, 'valid'],
    [[2, 14, 14, 16], 3, 2, true, 'valid'],
    [[2, 9, 9, 8], 3, 2, true, 'same'],
  ];
  it.each(cases)('x %j, pool %i/%i, ties %s, %s: matches cpu', async (shape, pool, stride, ties, pad) => {
    const xs = values(size(shape), 4, ties);
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.tensor4d(xs, shape as [number, number, number, number]);
      const y = tf.maxPool(x, pool, stride, pad);
      const dy = tf.tensor(values(y.size, 5), y.shape);
      return [
        tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, pool, stride, pad), dy)))(x),
      ];
    });
    expectClose(wasm[0], cpu[0], 'dx');
  });

  it('has its SIMD module here (so the cases above test it)', async () => {
    await tf.setBackend('wasm');
    expect(maxPoolGradSimdFor(heapMemory(tf.backend() as BackendWasm)!)).not.toBeNull();
  });
});

describe('BatchMatMul with transposes on wasm', () => {
  // Dense gradients multiply by transposed operands; the wrapper transposes explicitly.
  const cases: [number[], number[], boolean, boolean][] = [
    [[6, 5], [5, 7], false, false],
    [[5, 6], [5, 7], true, false],
    [[6, 5], [7, 5], false, true],
    [[5, 6], [7, 5], true, true],
    [[3, 5, 6], [3, 7, 5], true, true],
    // a·bᵀ with b the larger is computed as (b·aᵀ)ᵀ; the other way round it is not
    [[3, 4, 5], [3, 9, 5], false, true],
    [[9, 5], [4, 5], false, true],
  ];
  it.each(cases)('a %j, b %j, transposeA %s, transposeB %s: matches cpu', async (sa, sb, ta, tb) => {
    const as = values(size(sa), 7);
    const bs = values(size(sb), 8);
    const { cpu, wasm } = await onBoth(() => [tf.matMul(tf.tensor(as, sa), tf.tensor(bs, sb), ta, tb)]);
    expectClose(wasm[0], cpu[0], 'a·b');
  });
});

describe('Sum on wasm', () => {
  // Leading axes (bias gradients) take our loop; others, and int32, the stock kernel.
  const cases: [number[], number | number[], boolean][] = [
    [[4, 5, 6, 8], [0, 1, 2], false],
    [[4, 5, 6, 8], [2, 0, 1], true],
    [[64, 10], 0, false],
    [[3, 4, 5], [0, 1, 2], false],
    [[3, 4, 5], [1, 2], false],
    [[3, 4, 5], -1, true],
  ];
  it.each(cases)('x %j, axis %j, keepDims %s: matches cpu', async (shape, axis, keepDims) => {
    const xs = values(size(shape), 9);
    const { cpu, wasm } = await onBoth(() => {
      const s = tf.sum(tf.tensor(xs, shape), axis, keepDims);
      return [s, tf.tensor1d(s.shape)];
    });
    expectClose(wasm[0], cpu[0], 'sum');
    expect(Array.from(wasm[1])).toEqual(Array.from(cpu[1]));
  });

  it('leaves int32 sums to the stock kernel', async () => {
    await tf.setBackend('wasm');
    const s = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0);
    expect(s.dtype).toBe('int32');
    expect(Array.from(s.dataSync())).toEqual([4, 6]);
    s.dispose();
  });
});

describe('Identity on wasm (shares the data)', () => {
  it('gives the same values, survives the original, and frees the data with the last holder', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const bytesBefore = tf.memory().numBytes;
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.clone(a);
    const c = tf.cast(b, 'float32');
    a.dispose();
    expect(Array.from(b.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    b.dispose();
    expect(Array.from(c.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    c.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numBytes).toBe(bytesBefore);
    const backend = tf.backend() as BackendWasm;
    const live = backend.numDataIds();
    for (let i = 0; i < 5; i++) tf.tidy(() => tf.clone(tf.clone(tf.ones([3])))).dispose();
    expect(backend.numDataIds()).toBe(live);
  });
});

describe('whole-network gradient on wasm', () => {
  it('equals the cpu gradient for every variable', async () => {
    const { cpu, wasm } = await onBoth(smallNetGradients);
    expect(cpu.length).toBe(SMALL_NET_OUTPUTS);
    cpu.forEach((c, i) => expectClose(wasm[i], c, i === 0 ? 'loss' : `grad ${i}`));
  });
});
