import { describe, expect, it } from 'vitest';
import { confusion, softmax, topK } from './predict';

describe('softmax', () => {
  it('sums to 1, keeps order, and survives large logits', () => {
    const p = softmax([1000, 1001, 999]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[0]);
    expect(p[0]).toBeGreaterThan(p[2]);
    expect(p[1] / p[0]).toBeCloseTo(Math.E, 10);
  });
});

describe('topK', () => {
  it('orders the five most probable classes, highest first', () => {
    const probs = [0.05, 0.3, 0.02, 0.1, 0.2, 0.01, 0.12, 0.08, 0.07, 0.05];
    expect(topK(probs, 5).map((r) => r.cls)).toEqual([1, 4, 6, 3, 7]);
    expect(topK(probs, 5)[0].p).toBe(0.3);
  });
  it('breaks ties by class index', () => {
    expect(topK([0.25, 0.25, 0.5], 3).map((r) => r.cls)).toEqual([2, 0, 1]);
  });
});

describe('confusion', () => {
  it('counts (true, predicted) pairs and per-class accuracy', () => {
    const { counts, perClassAcc } = confusion([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], 3);
    expect(counts).toEqual([1, 1, 0, 1, 2, 0, 0, 0, 0]);
    expect(perClassAcc[0]).toBe(0.5);
    expect(perClassAcc[1]).toBeCloseTo(2 / 3);
    expect(perClassAcc[2]).toBeNaN();
  });
});
