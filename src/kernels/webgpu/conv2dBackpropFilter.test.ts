// Our webgpu Conv2DBackpropFilter (tiled implicit GEMM with split-K) against the cpu backend.
// Tolerance: float32 summed in a different order (tiles, K slices) than cpu's loops, so the
// largest difference must stay below 1e-5 of the largest magnitude of the cpu result (sums of
// at most a few thousand products of values in [-1, 1)).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseSplits, conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { registerWebGpuTrainingKernels } from './index';
import { expectClose, explicit, size, values, type Pad } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu, withEachGemmTile } from './testing';

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  registerWebGpuTrainingKernels(); // idempotent
  await startWebGpu();
});

describe('Conv2DBackpropFilter on webgpu (ours)', () => {
  it('is the registered kernel', () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'webgpu')?.kernelFunc).toBe(
      conv2dBackpropFilterConfig.kernelFunc,
    );
  });

  // [x shape, kernel, filters, stride, pad]: AlexNet's C1 (11×11/4, exact and with a remainder
  // the forward floors away), C2 (5×5 pad 2), C3–C5 (3×3 pad 1), 'same' with stride 2
  // (asymmetric padding), an asymmetric explicit pad, odd sizes, channel counts that are not
  // multiples of the 64-wide tiles (70 filters: two column tiles), and long reductions that are
  // split into several K slices, the last one shorter (checked below).
  const cases: [number[], number, number, number, Pad][] = [
    [[2, 23, 23, 3], 11, 5, 4, 'valid'],
    [[2, 26, 25, 3], 11, 4, 4, 'valid'],
    [[2, 9, 9, 6], 5, 70, 1, explicit(2)],
    [[3, 7, 7, 5], 3, 4, 1, explicit(1)],
    [[2, 8, 8, 3], 3, 5, 2, 'same'],
    [[2, 9, 7, 4], 3, 3, 1, explicit(0, 2, 1, 0)],
    [[4, 16, 16, 8], 3, 12, 1, explicit(1)],
    [[3, 15, 15, 4], 3, 6, 1, explicit(1)],
    [[2, 9, 9, 8], 3, 132, 1, explicit(1)],
  ];
  // Every case with each tile size of the GEMM (auto picks 128 only for larger layers).
  withEachGemmTile(() => {
    it.each(cases)(
      'x %j, kernel %i, %i filters, stride %i, pad %j matches cpu',
      async (shape, k, f, s, pad) => {
        const xs = values(size(shape), 1);
        const ys = (() => {
          const info = tf.backend_util.computeConv2DInfo(
            shape as [number, number, number, number],
            [k, k, shape[3], f],
            s,
            1,
            pad,
          );
          return { shape: info.outShape, data: values(size(info.outShape), 2) };
        })();
        const { cpu, gpu } = await onCpuAndWebGpu(() => [
          tf
            .engine()
            .runKernel(
              'Conv2DBackpropFilter',
              { x: tf.tensor(xs, shape), dy: tf.tensor(ys.data, ys.shape) },
              { strides: s, pad, dataFormat: 'NHWC', filterShape: [k, k, shape[3], f] },
            ) as tf.Tensor,
        ]);
        expectClose(gpu[0], cpu[0], 'dW', 1e-5);
      },
    );
  });

  it('splits the long reductions of the last two cases into several K slices', () => {
    // M = 3·3·8, N = 12, K = 4·16·16: four slices of 256.
    expect(chooseSplits(72, 12, 1024)).toBe(4);
    // M = 3·3·4, N = 6, K = 3·15·15 = 675: slices of 352 and 323 (not a multiple of 16).
    expect(chooseSplits(36, 6, 675)).toBe(2);
    // A large layer with a short reduction is not split.
    expect(chooseSplits(64 * 40, 64 * 30, 512)).toBe(1);
  });

  it('keeps the tensor count flat across repeated calls', async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor(values(4 * 16 * 16 * 8, 3), [4, 16, 16, 8]);
    const dy = tf.tensor(values(4 * 16 * 16 * 12, 4), [4, 16, 16, 12]);
    const once = async () => {
      const dw = tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { strides: 1, pad: 1, dataFormat: 'NHWC', filterShape: [3, 3, 8, 12] },
        ) as tf.Tensor;
      await dw.data();
      dw.dispose();
    };
    await expectFlatMemory(once);
    tf.dispose([x, dy]);
  });
});
