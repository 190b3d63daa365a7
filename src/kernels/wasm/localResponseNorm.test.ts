// LRN and LRNGrad on wasm (our SIMD module where β = 0.75 and C % 4 = 0, JS otherwise) against
// the cpu backend's kernels, forward and gradient. Tolerance: expectClose (1e-4 of the largest
// cpu magnitude; float32 SIMD against cpu's float64 sums, observed ~1e-7).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './index';
import { expectClose, onBoth, values } from '../common/compareBackends.testing';
import { heapMemory } from './simd/heap';
import { lrnSimdFor } from './simd/lrnSimd';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  registerWasmTrainingKernels();
  await tf.setBackend('wasm');
  await tf.ready();
});

describe('LRN and LRNGrad on wasm', () => {
  // [shape, depthRadius, bias, alpha, beta]: AlexNet's (SIMD), a window wider than the channels,
  // radius 1, and the JS path (C not a multiple of 4; β ≠ 0.75). Large α so the normalising
  // term matters; ReLU-like zeros make all-zero windows.
  const cases: [number[], number, number, number, number][] = [
    [[2, 5, 5, 64], 2, 2, 0.3, 0.75],
    [[2, 3, 3, 4], 2, 1, 0.5, 0.75],
    [[3, 4, 4, 12], 1, 1, 0.5, 0.75],
    [[2, 4, 3, 9], 2, 2, 0.5, 0.75],
    [[2, 4, 3, 8], 2, 1, 0.5, 0.5],
    [[1, 2, 2, 8], 3, 1, 0.2, 1.3],
  ];
  it.each(cases)('x %j, radius %i, bias %f, α %f, β %f: matches cpu', async (shape, r, bias, alpha, beta) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const xs = values(size, 21).map((v) => (v < -0.3 ? 0 : 2 * v));
    const dys = values(size, 22);
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.tensor4d(xs, shape as [number, number, number, number]);
      const dy = tf.tensor4d(dys, shape as [number, number, number, number]);
      const f = (v: tf.Tensor) => tf.localResponseNormalization(v as tf.Tensor4D, r, bias, alpha, beta);
      return [f(x), tf.grad((v: tf.Tensor) => tf.sum(tf.mul(f(v), dy)))(x)];
    });
    expectClose(wasm[0], cpu[0], 'y');
    expectClose(wasm[1], cpu[1], 'dx');
  });

  it('takes the SIMD path here: the module compiles for the backend heap and for a shared memory', async () => {
    await tf.setBackend('wasm');
    const memory = heapMemory(tf.backend() as BackendWasm);
    expect(memory).not.toBeNull();
    expect(lrnSimdFor(memory!)).not.toBeNull();
    // The threaded build's heap is shared; an imported memory must match that flag.
    const shared = new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true });
    expect(lrnSimdFor(shared)).not.toBeNull();
  });

  it('leaves no tensors behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor4d(values(2 * 3 * 3 * 16, 23), [2, 3, 3, 16]);
    const step = () =>
      tf
        .tidy(() =>
          tf.grad((v: tf.Tensor) =>
            tf.sum(tf.localResponseNormalization(v as tf.Tensor4D, 2, 2, 1e-4, 0.75)),
          )(x),
        )
        .dispose();
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
