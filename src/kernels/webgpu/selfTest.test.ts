// The start-up self-test on Dawn/SwiftShader: every case passes with our kernels, and a kernel of
// ours that gives wrong results (the test hook negates LRN's output) fails its cases alone and
// is replaced by the stock one, the rest staying ours (runtime/selfTest.ts, the fallback chain).
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setKernelChoice } from '../choice';
import { loadWebGpu, registerKernels } from '../index';
import { conv2dConfig } from './conv2d';
import { lrnConfig, lrnGradConfig } from './localResponseNorm';
import { failingKernels, runCase, runCases } from './selfTest';
import { webGpuKernelCases } from './selfTestCases';
import { kernelProblems, selfTestKernels } from '../../runtime/selfTest';
import { problem } from '../../shared/problem';
import { startWebGpu } from './testing';

beforeAll(async () => {
  await loadWebGpu();
  registerKernels('webgpu');
  await startWebGpu();
});
afterAll(() => {
  setKernelChoice({ stock: new Set(), corruptForTest: null });
  registerKernels('webgpu');
});

const lrnCases = () => webGpuKernelCases().filter((c) => c.kernel === 'LRN');

describe('runCase', () => {
  it('measures the relative error against cpu and holds it to the tolerance', async () => {
    const [c] = lrnCases();
    const ok = await runCase(c);
    expect(ok.pass).toBe(true);
    expect(ok.maxError).toBeLessThan(1e-5);
    // Negated output: |−y − y| / max|y| = 2.
    const wrong = await runCase({ ...c, reference: c.run, run: () => c.run().map((t) => t.neg()) });
    expect(wrong.pass).toBe(false);
    expect(wrong.maxError).toBeCloseTo(2, 5);
    const throws = await runCase({
      ...c,
      run: () => {
        throw new Error('no shader');
      },
    });
    expect(throws).toMatchObject({ pass: false, maxError: Infinity });
  });
});

describe('selfTestKernels', () => {
  it('passes every case with our kernels and covers each of them', async () => {
    const t0 = performance.now();
    const results = await runCases(webGpuKernelCases());
    console.log(
      `self-test kernel cases on SwiftShader: ${results.length} in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    expect(results.filter((r) => !r.pass)).toEqual([]);
    const kernels = new Set(results.map((r) => r.kernel));
    for (const k of [
      'Conv2D',
      'FusedConv2D',
      'Conv2DBackpropFilter',
      'Conv2DBackpropInput',
      'LRN',
      'LRNGrad',
    ])
      expect(kernels).toContain(k);
    for (const k of ['MaxPoolGrad', 'SgdVelocity', 'HashDropout']) expect(kernels).toContain(k);
    expect(new Set(webGpuKernelCases().map((c) => c.tile))).toEqual(new Set([64, 128, undefined]));
  }, 900_000);

  it('replaces a kernel of ours that gives wrong results by the stock one, keeping the rest', async () => {
    setKernelChoice({ corruptForTest: 'LRN' });
    registerKernels('webgpu');
    const corrupt = tf.getKernel('LRN', 'webgpu')?.kernelFunc;
    expect(corrupt).not.toBe(lrnConfig.kernelFunc);
    const report = await selfTestKernels('test adapter');
    expect(report.cached).toBe(false);
    expect(report.stock).toEqual(['LRN']);
    expect([...failingKernels(report.results).keys()]).toEqual(['LRN']);
    expect(report.results.filter((r) => r.kernel !== 'LRN').every((r) => r.pass)).toBe(true);
    const [line] = kernelProblems(report);
    expect(line).toEqual(problem('selfTest.kernelReplaced', { kernel: 'LRN', error: '2.0' }));
    // Now the stock LRN is registered (neither ours nor the corrupted one), and it passes.
    const now = tf.getKernel('LRN', 'webgpu')?.kernelFunc;
    expect(now).toBeDefined();
    expect([lrnConfig.kernelFunc, corrupt]).not.toContain(now);
    expect(tf.getKernel('LRNGrad', 'webgpu')?.kernelFunc).toBe(lrnGradConfig.kernelFunc);
    expect(tf.getKernel('Conv2D', 'webgpu')?.kernelFunc).toBe(conv2dConfig.kernelFunc);
    for (const c of lrnCases()) expect((await runCase(c)).pass).toBe(true);
  }, 900_000);
});
