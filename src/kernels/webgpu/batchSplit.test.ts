// The watchdog bound (batchSplit.ts): with a bound low enough to split these small layers, the
// forward convolution, its input gradient and its weight gradient run on batch chunks (more
// GEMM dispatches), give the cpu backend's results, and leave no tensors behind.
import * as tf from '@tensorflow/tfjs';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setKernelChoice } from '../choice';
import { registerWebGpuTrainingKernels } from './index';
import { imagesPerDispatch, MAX_DISPATCH_MACS } from './batchSplit';
import { expectClose, explicit, size, values } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu } from './testing';

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  await startWebGpu();
});
afterEach(() => setKernelChoice({ maxDispatchMacs: undefined }));

// x [5, 9, 9, 4], 3×3 kernel, 8 filters, pad 1: 9·9·8·3·3·4 = 23,328 multiply-adds per image.
const X = [5, 9, 9, 4];
const MACS_PER_IMAGE = 9 * 9 * 8 * 3 * 3 * 4;
const attrs = { strides: 1, pad: explicit(1), dataFormat: 'NHWC' as const, dilations: 1 };
// Inputs made and freed inside each call (tidy): only the output is left.
const once = (fn: () => tf.Tensor) => () => [tf.tidy(fn)];
const run = {
  forward: once(
    () =>
      tf
        .engine()
        .runKernel(
          'Conv2D',
          { x: tf.tensor(values(size(X), 1), X), filter: tf.tensor(values(288, 2), [3, 3, 4, 8]) },
          attrs,
        ) as tf.Tensor,
  ),
  input: once(
    () =>
      tf.engine().runKernel(
        'Conv2DBackpropInput',
        {
          dy: tf.tensor(values(5 * 81 * 8, 3), [5, 9, 9, 8]),
          filter: tf.tensor(values(288, 2), [3, 3, 4, 8]),
        },
        { ...attrs, inputShape: X },
      ) as tf.Tensor,
  ),
  filter: once(
    () =>
      tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x: tf.tensor(values(size(X), 1), X), dy: tf.tensor(values(5 * 81 * 8, 3), [5, 9, 9, 8]) },
          { ...attrs, filterShape: [3, 3, 4, 8] },
        ) as tf.Tensor,
  ),
};

/** GEMM programs the webgpu backend ran during `fn` (our convolutions' shader names). */
async function gemmDispatches(fn: () => tf.Tensor[]): Promise<number> {
  await tf.setBackend('webgpu');
  const gpu = tf.backend() as WebGPUBackend;
  const original = gpu.runWebGPUProgram.bind(gpu);
  let n = 0;
  gpu.runWebGPUProgram = ((program, ...rest) => {
    if (/^conv(DX|DW)?_/.test((program as { name?: string }).name ?? '')) n++;
    return original(program, ...rest);
  }) as typeof gpu.runWebGPUProgram;
  try {
    const out = fn();
    await Promise.all(out.map((t) => t.data()));
    tf.dispose(out);
  } finally {
    gpu.runWebGPUProgram = original;
  }
  return n;
}

describe('the watchdog bound: convolutions past it run on batch chunks', () => {
  it('chunks hold as many images as fit under the bound, at least one', () => {
    expect(imagesPerDispatch(MAX_DISPATCH_MACS / 4)).toBe(4);
    expect(imagesPerDispatch(MAX_DISPATCH_MACS * 3)).toBe(1);
    // The paper preset's C2 forward (27·27·256 outputs, 5·5·96 deep): 4 chunks at batch 128;
    // the CIFAR preset's largest (C2, 15·15·192 outputs, 5·5·64 deep) stays one dispatch.
    expect(Math.ceil(128 / imagesPerDispatch(27 * 27 * 256 * 5 * 5 * 96))).toBe(4);
    expect(imagesPerDispatch(15 * 15 * 192 * 5 * 5 * 64)).toBeGreaterThanOrEqual(128);
  });

  it.each(Object.keys(run) as (keyof typeof run)[])('%s: two images per chunk match cpu', async (which) => {
    const whole = await gemmDispatches(run[which]);
    setKernelChoice({ maxDispatchMacs: 2 * MACS_PER_IMAGE });
    expect(await gemmDispatches(run[which])).toBe(3 * whole); // 5 images: chunks of 2, 2, 1
    const { cpu, gpu } = await onCpuAndWebGpu(run[which]);
    expectClose(gpu[0], cpu[0], which, 1e-5);
  });

  it('keeps the tensor count flat while splitting', async () => {
    setKernelChoice({ maxDispatchMacs: MACS_PER_IMAGE });
    await tf.setBackend('webgpu');
    await expectFlatMemory(async () => {
      for (const fn of Object.values(run)) {
        const out = fn();
        await Promise.all(out.map((t) => t.data()));
        tf.dispose(out);
      }
    });
  });
});
