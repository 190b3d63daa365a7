import { describe, expect, it } from 'vitest';
import { firstNonFinite, firstNonFiniteArray, TrainingGuard, type LayerCheck } from './guard';

const fine = (name: string): LayerCheck => ({ name, weights: true, activation: true, gradient: true });
const net = ['conv1', 'relu1', 'conv2', 'fc8'];

describe('firstNonFinite', () => {
  it('is null when every check is finite (and ignores entries without weights or gradients)', () => {
    expect(firstNonFinite([...net.map(fine), { name: 'pool1', activation: true }])).toBeNull();
  });

  it('names the first layer whose weights were already bad, before anything they caused', () => {
    const layers = net.map(fine);
    layers[2] = { name: 'conv2', weights: false, activation: false, gradient: false };
    layers[3] = { name: 'fc8', weights: false, activation: false, gradient: false };
    // Everything after conv2 is garbage too, but conv2's weights came first.
    expect(firstNonFinite(layers)).toEqual({ code: 'guard.nonFiniteWeights', layer: 'conv2' });
  });

  it('with finite weights, names the first forward output that went non-finite', () => {
    const layers = net.map(fine);
    layers[1] = { name: 'relu1', activation: false };
    layers[2] = { ...fine('conv2'), activation: false, gradient: false };
    layers[0] = { ...fine('conv1'), gradient: false };
    expect(firstNonFinite(layers)).toEqual({ code: 'guard.nonFiniteActivation', layer: 'relu1' });
  });

  it('with a clean forward pass, names the non-finite gradient nearest the output', () => {
    const layers = net.map(fine);
    // Backprop runs fc8 → conv1: conv2's bad gradient spreads to conv1, not to fc8.
    layers[0] = { ...fine('conv1'), gradient: false };
    layers[2] = { ...fine('conv2'), gradient: false };
    expect(firstNonFinite(layers)).toEqual({ code: 'guard.nonFiniteGradient', layer: 'conv2' });
  });
});

describe('TrainingGuard', () => {
  const checks = net.map(fine);

  it('lets a learning run through', () => {
    const guard = new TrainingGuard();
    for (let step = 1; step <= 500; step++) {
      const loss = 2.3 * Math.exp(-step / 200) + 0.3 * Math.sin(step);
      expect(guard.check({ step, loss, layers: checks })).toEqual({ ok: true });
    }
    expect(guard.start).toBeCloseTo(2.3, 0);
  });

  it('reports a non-finite value with its step and layer at once', () => {
    const guard = new TrainingGuard();
    expect(guard.check({ step: 1, loss: 2.3, layers: checks })).toEqual({ ok: true });
    const layers = checks.map((c) => (c.name === 'conv2' ? { ...c, weights: false } : c));
    expect(guard.check({ step: 2, loss: NaN, layers })).toEqual({
      ok: false,
      code: 'guard.nonFiniteWeights',
      step: 2,
      layer: 'conv2',
      loss: NaN,
    });
  });

  it('reports a non-finite loss without per-layer checks, with no layer', () => {
    const guard = new TrainingGuard();
    expect(guard.check({ step: 7, loss: Infinity, layers: [] })).toEqual({
      ok: false,
      code: 'guard.nonFiniteLoss',
      step: 7,
      layer: null,
      loss: Infinity,
    });
  });

  it('reports a loss that stays far above its start for many steps, from the step the rise began', () => {
    const guard = new TrainingGuard({ startSteps: 5, riseFactor: 2, riseSteps: 10, smoothing: 1 });
    for (let step = 1; step <= 20; step++) expect(guard.check({ step, loss: 2.3, layers: [] }).ok).toBe(true);
    for (let step = 21; step <= 29; step++)
      expect(guard.check({ step, loss: 10, layers: [] }).ok, `step ${step}`).toBe(true);
    expect(guard.check({ step: 30, loss: 12, layers: [] })).toEqual({
      ok: false,
      code: 'guard.lossRising',
      step: 21,
      layer: null,
      loss: 12,
    });
  });

  it('forgives a short spike: the count starts again once the loss is back down', () => {
    const guard = new TrainingGuard({ startSteps: 2, riseFactor: 2, riseSteps: 5, smoothing: 1 });
    guard.check({ step: 1, loss: 2, layers: [] });
    guard.check({ step: 2, loss: 2, layers: [] });
    let step = 3;
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 4; i++) expect(guard.check({ step: step++, loss: 9, layers: [] }).ok).toBe(true);
      expect(guard.check({ step: step++, loss: 2, layers: [] }).ok).toBe(true);
    }
  });

  it('smooths single noisy batches away with the default settings', () => {
    const guard = new TrainingGuard();
    for (let step = 1; step <= 300; step++) {
      // One batch in ten is very bad; the smoothed loss stays under twice the start.
      const loss = step % 10 === 0 ? 8 : 1.5;
      expect(guard.check({ step, loss, layers: [] }).ok, `step ${step}`).toBe(true);
    }
  });
});

describe('firstNonFiniteArray', () => {
  it('gives the index of the first array holding NaN or ±Infinity, or -1', () => {
    const ok = Float32Array.from([1, -2, 3]);
    expect(firstNonFiniteArray([ok, ok])).toBe(-1);
    expect(firstNonFiniteArray([ok, Float32Array.from([0, Infinity]), Float32Array.from([NaN])])).toBe(1);
  });
});
