import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSgdState, disposeSgdState, sgdStep } from './sgd';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe("sgdStep (the paper's update rule)", () => {
  it('follows v ← μv − λεw − εg, w ← w + v over two steps', () => {
    const w = tf.variable(tf.tensor1d([1, -2]), true, 'sgd-test/w');
    const state = createSgdState([w]);
    const lr = 0.1;
    const mu = 0.9;
    const wd = 0.01;
    const g1 = tf.tensor1d([0.5, 1]);
    sgdStep(state, [w], { [w.name]: g1 }, lr, mu, wd);
    // By hand: v1 = −λεw0 − εg1 ; w1 = w0 + v1
    const v1 = [-wd * lr * 1 - lr * 0.5, -wd * lr * -2 - lr * 1];
    const w1 = [1 + v1[0], -2 + v1[1]];
    const got1 = w.arraySync() as number[];
    expect(got1[0]).toBeCloseTo(w1[0], 6);
    expect(got1[1]).toBeCloseTo(w1[1], 6);
    const g2 = tf.tensor1d([-1, 0]);
    sgdStep(state, [w], { [w.name]: g2 }, lr, mu, wd);
    const v2 = [mu * v1[0] - wd * lr * w1[0] - lr * -1, mu * v1[1] - wd * lr * w1[1] - 0];
    const got2 = w.arraySync() as number[];
    expect(got2[0]).toBeCloseTo(w1[0] + v2[0], 6);
    expect(got2[1]).toBeCloseTo(w1[1] + v2[1], 6);
    tf.dispose([g1, g2, w]);
    disposeSgdState(state);
  });

  it('creates no lasting tensors per step', () => {
    const w = tf.variable(tf.ones([3, 3]), true, 'sgd-test/w2');
    const state = createSgdState([w]);
    const g = tf.ones([3, 3]);
    sgdStep(state, [w], { [w.name]: g }, 0.01, 0.9, 5e-4);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) sgdStep(state, [w], { [w.name]: g }, 0.01, 0.9, 5e-4);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([g, w]);
    disposeSgdState(state);
  });
});
