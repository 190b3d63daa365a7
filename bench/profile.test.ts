import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SLOWEST_CALLS, aggregateKernels, profileOnce } from './profile';

describe('aggregateKernels', () => {
  it('sums time and calls per kernel name, largest first, with shares of the step', () => {
    const p = aggregateKernels(
      [
        { name: 'Conv2D', kernelTimeMs: 30 },
        { name: 'Add', kernelTimeMs: 5 },
        { name: 'Conv2D', kernelTimeMs: 20 },
        { name: 'Add', kernelTimeMs: 1 },
      ],
      100,
    );
    expect(p.kernelMs).toBe(56);
    expect(p.kernels.map((k) => [k.name, k.calls, k.ms, k.share])).toEqual([
      ['Conv2D', 2, 50, 0.5],
      ['Add', 2, 6, 0.06],
    ]);
  });

  it('keeps the slowest single calls with their input shapes', () => {
    const list = [
      { name: 'Conv2D', kernelTimeMs: 30, inputShapes: [[1, 8, 8, 3]] },
      { name: 'Add', kernelTimeMs: null, inputShapes: [[2]] },
      { name: 'Conv2D', kernelTimeMs: 40, inputShapes: [[1, 4, 4, 16]] },
      ...Array.from({ length: SLOWEST_CALLS }, () => ({ name: 'Sub', kernelTimeMs: 1 })),
    ];
    const p = aggregateKernels(list, 100);
    expect(p.slowestCalls).toHaveLength(SLOWEST_CALLS);
    expect(p.slowestCalls.slice(0, 3)).toEqual([
      { name: 'Conv2D', ms: 40, inputShapes: [[1, 4, 4, 16]] },
      { name: 'Conv2D', ms: 30, inputShapes: [[1, 8, 8, 3]] },
      { name: 'Sub', ms: 1, inputShapes: [] },
    ]);
  });

  it('reports untimed kernels (no timer queries) as null, ordered by calls', () => {
    const p = aggregateKernels(
      [
        { name: 'A', kernelTimeMs: { error: 'no timer' } },
        { name: 'B', kernelTimeMs: null },
        { name: 'B', kernelTimeMs: undefined },
      ],
      10,
    );
    expect(p.kernelMs).toBeNull();
    expect(p.kernels.map((k) => [k.name, k.calls, k.ms, k.share])).toEqual([
      ['B', 2, null, null],
      ['A', 1, null, null],
    ]);
  });
});

it('profileOnce names the kernels a step runs (cpu backend)', async () => {
  await tf.setBackend('cpu');
  const a = tf.ones([8, 8]);
  const p = await profileOnce(async () => {
    const y = tf.tidy(() => tf.relu(tf.matMul(a, a)));
    await y.data();
    y.dispose();
  });
  a.dispose();
  const names = p.kernels.map((k) => k.name);
  expect(names).toContain('BatchMatMul');
  expect(names).toContain('Relu');
  expect(p.kernelMs).not.toBeNull();
  expect(p.stepMs).toBeGreaterThan(0);
});
