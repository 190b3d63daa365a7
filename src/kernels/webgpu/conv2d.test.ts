// Our webgpu Conv2D and FusedConv2D (implicit GEMM, conv2d.ts) against the cpu backend. They are
// registered here whether or not index.ts registers them, so that they are tested either way.
// Tolerance: float32 summed in a different order than cpu's loops (K up to 11·11·3 = 363 terms),
// so the largest difference must stay below 1e-5 of the largest magnitude of the cpu result.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dConfig, fusedConv2dConfig } from './conv2d';
import { expectClose, explicit, size, values, type Pad } from '../common/compareBackends.testing';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu, withEachGemmTile } from './testing';

beforeAll(async () => {
  for (const config of [conv2dConfig, fusedConv2dConfig]) {
    tf.unregisterKernel(config.kernelName, 'webgpu');
    tf.registerKernel(config);
  }
  await startWebGpu();
});

type Shape4 = [number, number, number, number];
const filterOf = (x: number[], k: number, f: number): Shape4 => [k, k, x[3], f];

describe('Conv2D on webgpu (ours)', () => {
  it('is the registered kernel (in this file)', () => {
    expect(tf.getKernel('Conv2D', 'webgpu')?.kernelFunc).toBe(conv2dConfig.kernelFunc);
    expect(tf.getKernel('FusedConv2D', 'webgpu')?.kernelFunc).toBe(fusedConv2dConfig.kernelFunc);
  });

  // [x shape, kernel, filters, stride, pad]: Ci = 3 with stride 1 and with AlexNet's 11×11/4
  // (also with an asymmetric explicit pad and 68 filters: two column tiles, vec4 loads of W), Ci a
  // multiple of 4 (vec4 loads of x) with 67 and 68 filters and M = 2·9·9 = 162 (neither a multiple
  // of 64), 'same' with stride 2, an asymmetric explicit pad, and a 1×1 convolution.
  const cases: [number[], number, number, number, Pad][] = [
    [[2, 9, 9, 3], 5, 7, 1, explicit(2)],
    [[2, 23, 23, 3], 11, 5, 4, 'valid'],
    [[1, 27, 26, 3], 11, 68, 4, explicit(2, 1, 3, 0)],
    [[2, 9, 9, 8], 3, 67, 1, explicit(1)],
    [[2, 9, 9, 8], 3, 68, 1, explicit(1)],
    [[2, 8, 8, 4], 3, 5, 2, 'same'],
    [[2, 9, 7, 4], 3, 3, 1, explicit(0, 2, 1, 0)],
    [[2, 5, 5, 16], 1, 65, 1, 'valid'],
    [[2, 9, 9, 8], 3, 132, 1, explicit(1)],
  ];
  // Every case with each tile size of the GEMM (auto picks 128 only for larger layers).
  withEachGemmTile(() => {
    it.each(cases)(
      'x %j, kernel %i, %i filters, stride %i, pad %j matches cpu',
      async (shape, k, f, s, pad) => {
        const filterShape = filterOf(shape, k, f);
        const xData = values(size(shape), 1);
        const wData = values(size(filterShape), 2);
        const { cpu, gpu } = await onCpuAndWebGpu(() => [
          tf.conv2d(tf.tensor4d(xData, shape as Shape4), tf.tensor4d(wData, filterShape), s, pad),
        ]);
        expectClose(gpu[0], cpu[0], 'y', 1e-5);
      },
    );
  });

  it('hands a dilated convolution to the stock kernel, which matches cpu', async () => {
    const shape: Shape4 = [2, 9, 9, 4];
    const filterShape = filterOf(shape, 3, 5);
    const xData = values(size(shape), 6);
    const wData = values(size(filterShape), 7);
    const { cpu, gpu } = await onCpuAndWebGpu(() => [
      tf.conv2d(tf.tensor4d(xData, shape), tf.tensor4d(wData, filterShape), 1, 'same', 'NHWC', 2),
    ]);
    expectClose(gpu[0], cpu[0], 'y', 1e-5);
  });

  // Bias + relu and bias + sigmoid (ours), a scalar bias, no bias; leakyrelu goes to stock.
  const fused: [string, 'channel' | 'scalar' | 'none'][] = [
    ['relu', 'channel'],
    ['sigmoid', 'channel'],
    ['relu', 'scalar'],
    ['linear', 'none'],
    ['leakyrelu', 'channel'],
  ];
  it.each(fused)('FusedConv2D with %s and bias %s matches cpu', async (activation, biasKind) => {
    const shape: Shape4 = [2, 9, 9, 4];
    const filterShape = filterOf(shape, 3, 67);
    const xData = values(size(shape), 3);
    const wData = values(size(filterShape), 4);
    const bData = values(biasKind === 'scalar' ? 1 : 67, 5);
    const { cpu, gpu } = await onCpuAndWebGpu(() => [
      tf.fused.conv2d({
        x: tf.tensor4d(xData, shape),
        filter: tf.tensor4d(wData, filterShape),
        strides: 1,
        pad: 1,
        bias: biasKind === 'none' ? undefined : tf.tensor1d(bData),
        activation: activation as 'relu',
        leakyreluAlpha: 0.2,
      }),
    ]);
    expectClose(gpu[0], cpu[0], 'y', 1e-5);
  });

  it('keeps the tensor count flat across repeated calls', async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor4d(values(2 * 7 * 7 * 5, 7), [2, 7, 7, 5]);
    const w = tf.tensor4d(values(3 * 3 * 5 * 6, 8), [3, 3, 5, 6]);
    const b = tf.tensor1d(values(6, 9));
    const once = async () => {
      const y = tf.conv2d(x, w, 1, 1);
      const z = tf.fused.conv2d({ x, filter: w, strides: 1, pad: 1, bias: b, activation: 'relu' });
      await Promise.all([y.data(), z.data()]);
      tf.dispose([y, z]);
    };
    await expectFlatMemory(once);
    tf.dispose([x, w, b]);
  });
});
