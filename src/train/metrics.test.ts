import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countTopK, countTopKReference, crossEntropy } from './metrics';
import { createRng } from '../data/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('countTopK', () => {
  it('counts a label as a top-k hit exactly when fewer than k classes beat it', () => {
    // Row 0: label 2 is the best; row 1: label 0 is third; row 2: label 1 is last of 4.
    const scores = [0.1, 0.2, 0.9, 0.0, 0.3, 0.5, 0.4, 0.1, 0.9, 0.0, 0.8, 0.7];
    const labels = [2, 0, 1];
    const logits = tf.tensor2d(scores, [3, 4]);
    const y = tf.tensor1d(labels, 'int32');
    expect(countTopK(logits, y, 1).arraySync()).toBe(1);
    expect(countTopK(logits, y, 2).arraySync()).toBe(1);
    expect(countTopK(logits, y, 3).arraySync()).toBe(2);
    expect(countTopK(logits, y, 4).arraySync()).toBe(3);
    tf.dispose([logits, y]);
  });

  it('agrees with the plain-JS reference on random scores for k = 1 and 5', () => {
    const rng = createRng(42);
    const n = 300;
    const scores = Array.from({ length: n * 10 }, () => Math.round(rng() * 20) / 20); // ties happen
    const labels = Array.from({ length: n }, () => Math.floor(rng() * 10));
    const logits = tf.tensor2d(scores, [n, 10]);
    const y = tf.tensor1d(labels, 'int32');
    for (const k of [1, 5]) {
      expect(countTopK(logits, y, k).arraySync()).toBe(countTopKReference(scores, labels, 10, k));
    }
    tf.dispose([logits, y]);
  });
});

describe('crossEntropy', () => {
  it('equals −log softmax of the label, averaged', () => {
    const scores = [1, 2, 3, 0, 0, 0];
    const logits = tf.tensor2d(scores, [2, 3]);
    const y = tf.tensor1d([2, 1], 'int32');
    const expected = (-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))) + Math.log(3)) / 2;
    expect(crossEntropy(logits, y, 3).arraySync()).toBeCloseTo(expected, 5);
    tf.dispose([logits, y]);
  });
});
