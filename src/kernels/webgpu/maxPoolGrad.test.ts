// Our webgpu MaxPoolGrad (one-pass gather) against the cpu backend, through tf.grad of
// tf.maxPool as the model uses it. With small-integer inputs most windows hold ties, which
// must go to the same (first, row-major) position as on cpu; sums of a few dy values agree to
// float32 rounding, so the tolerance is 1e-6 of the largest magnitude.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWebGpuTrainingKernels } from './index';
import { maxPoolGradConfig } from './maxPoolGrad';
import { expectClose, size, values } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu } from './testing';

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  await startWebGpu();
});

describe('MaxPoolGrad on webgpu (ours)', () => {
  it('is the registered kernel', () => {
    expect(tf.getKernel('MaxPoolGrad', 'webgpu')?.kernelFunc).toBe(maxPoolGradConfig.kernelFunc);
  });

  // [x shape, size, stride, pad, ties]: overlapping 3×3/2 (AlexNet; 32 → 15 drops the last row,
  // 15 → 7, 13 → 6), non-overlapping 2×2/2 (odd and even sizes), 'same' padding (windows past
  // the edge), batch > 1, channels 1 and odd.
  const cases: [number[], number, number, 'valid' | 'same', boolean][] = [
    [[2, 32, 32, 3], 3, 2, 'valid', true],
    [[3, 15, 15, 5], 3, 2, 'valid', false],
    [[2, 13, 13, 7], 3, 2, 'valid', true],
    [[2, 16, 16, 3], 2, 2, 'valid', true],
    [[2, 9, 11, 1], 2, 2, 'valid', false],
    [[2, 10, 9, 4], 3, 2, 'same', true],
    [[1, 7, 7, 2], 3, 1, 'same', true],
  ];
  it.each(cases)('x %j, pool %i, stride %i, %s, ties %s: matches cpu', async (shape, k, s, pad, ties) => {
    const xs = values(size(shape), 11, ties);
    const info = tf.backend_util.computePool2DInfo(shape as [number, number, number, number], k, s, 1, pad);
    const dys = values(size(info.outShape), 12);
    const { cpu, gpu } = await onCpuAndWebGpu(() => {
      const dy = tf.tensor(dys, info.outShape);
      const grad = tf.grad((x: tf.Tensor) => tf.mul(tf.maxPool(x as tf.Tensor4D, k, s, pad), dy).sum());
      return [grad(tf.tensor(xs, shape))];
    });
    expectClose(gpu[0], cpu[0], 'dx', 1e-6);
  });

  it('keeps the tensor count flat across repeated calls', async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor(values(2 * 15 * 15 * 4, 13, true), [2, 15, 15, 4]);
    const grad = tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 3, 2, 'valid').sum());
    const once = async () => {
      const dx = grad(x);
      await dx.data();
      dx.dispose();
    };
    await expectFlatMemory(once);
    x.dispose();
  });
});
