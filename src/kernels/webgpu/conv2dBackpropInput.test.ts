// Our webgpu Conv2DBackpropInput (implicit GEMM of the transposed convolution) against the cpu
// backend. Tolerance: float32 summed in a different order than cpu's loops, so the largest
// difference must stay below 1e-5 of the largest magnitude of the cpu result.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { registerWebGpuTrainingKernels } from './index';
import { expectClose, explicit, size, values, type Pad } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu, withEachGemmTile } from './testing';

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  await startWebGpu();
});

describe('Conv2DBackpropInput on webgpu (ours)', () => {
  it('is the registered kernel', () => {
    expect(tf.getKernel('Conv2DBackpropInput', 'webgpu')?.kernelFunc).toBe(
      conv2dBackpropInputConfig.kernelFunc,
    );
  });

  // [x shape, kernel, filters, stride, pad]: 11×11/4 (with a remainder the forward floors away,
  // so the last rows get no gradient), 5×5 pad 2, 3×3 pad 1, 'same' with stride 2 (asymmetric),
  // an asymmetric explicit pad, odd sizes, and channel counts off the 64-wide tiles: 70 input
  // channels (two column tiles) and 67 filters (a reduction of 3·3·67, not a multiple of 16).
  // Filter counts that are multiples of 4 (4, 8) take the vec4 loads.
  const cases: [number[], number, number, number, Pad][] = [
    [[2, 23, 23, 3], 11, 5, 4, 'valid'],
    [[2, 26, 25, 3], 11, 4, 4, 'valid'],
    [[2, 9, 9, 70], 5, 6, 1, explicit(2)],
    [[3, 7, 7, 5], 3, 67, 1, explicit(1)],
    [[2, 8, 8, 3], 3, 5, 2, 'same'],
    [[2, 9, 7, 4], 3, 3, 1, explicit(0, 2, 1, 0)],
    [[2, 11, 11, 4], 3, 3, 2, explicit(1)],
    [[2, 9, 9, 70], 3, 8, 1, explicit(1)],
    [[2, 11, 11, 4], 3, 4, 2, explicit(1, 0, 0, 1)],
    [[2, 7, 7, 132], 3, 8, 1, explicit(1)],
  ];
  // Every case with each tile size of the GEMM (auto picks 128 only for larger layers).
  withEachGemmTile(() => {
    it.each(cases)(
      'x %j, kernel %i, %i filters, stride %i, pad %j matches cpu',
      async (shape, k, f, s, pad) => {
        const filterShape: [number, number, number, number] = [k, k, shape[3], f];
        const info = tf.backend_util.computeConv2DInfo(
          shape as [number, number, number, number],
          filterShape,
          s,
          1,
          pad,
        );
        const dyData = values(size(info.outShape), 5);
        const wData = values(size(filterShape), 6);
        const { cpu, gpu } = await onCpuAndWebGpu(() => [
          tf
            .engine()
            .runKernel(
              'Conv2DBackpropInput',
              { dy: tf.tensor(dyData, info.outShape), filter: tf.tensor(wData, filterShape) },
              { inputShape: shape, strides: s, pad, dataFormat: 'NHWC' },
            ) as tf.Tensor,
        ]);
        expectClose(gpu[0], cpu[0], 'dx', 1e-5);
      },
    );
  });

  it('keeps the tensor count flat across repeated calls', async () => {
    await tf.setBackend('webgpu');
    const dy = tf.tensor(values(2 * 7 * 7 * 6, 7), [2, 7, 7, 6]);
    const w = tf.tensor(values(3 * 3 * 5 * 6, 8), [3, 3, 5, 6]);
    const once = async () => {
      const dx = tf
        .engine()
        .runKernel(
          'Conv2DBackpropInput',
          { dy, filter: w },
          { inputShape: [2, 7, 7, 5], strides: 1, pad: 1, dataFormat: 'NHWC' },
        ) as tf.Tensor;
      await dx.data();
      dx.dispose();
    };
    await expectFlatMemory(once);
    tf.dispose([dy, w]);
  });
});
