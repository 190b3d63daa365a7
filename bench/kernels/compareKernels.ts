// Stock against our webgpu kernels, one AlexNet layer at a time (used by
// `npm run bench:node -- --kernels BATCH`, e.g. on a GPU machine). Stock and ours are timed
// alternately, so that whatever else loads the machine hits both alike; each figure is the best
// of `reps` runs after a warm-up (which compiles the shaders). Leaves our kernels registered.
// Our forward convolution (conv2d.ts) is called directly, so that it is compared whether or not
// index.ts registers it.
import * as tf from '@tensorflow/tfjs-core';
import { conv2dConfig } from '../../src/kernels/webgpu/conv2d';
import { registerWebGpuTrainingKernels } from '../../src/kernels/webgpu/index';

export interface ConvCase {
  name: string;
  /** Input [batch, H, W, Ci]. */
  x: [number, number, number, number];
  kernel: number;
  filters: number;
  stride: number;
  pad: number;
  /** Time the input gradient too. */
  inputGradient: boolean;
}

export interface PoolCase {
  name: string;
  /** Input [batch, H, W, C]. */
  x: [number, number, number, number];
  size: number;
  stride: number;
}

/** The convolutions and poolings of both presets at `batch` whose gradients we replace. */
export function alexNetCases(batch: number): { convs: ConvCase[]; pools: PoolCase[] } {
  const conv = (name: string, x: number[], kernel: number, filters: number, stride: number, pad: number) => ({
    name,
    x: [batch, ...x] as [number, number, number, number],
    kernel,
    filters,
    stride,
    pad,
    // C1's input is the data: training never asks for its input gradient.
    inputGradient: !name.includes(' C1 '),
  });
  return {
    convs: [
      conv('paper C1 11×11/4 227²×3→96', [227, 227, 3], 11, 96, 4, 0),
      conv('paper C2 5×5 27²×96→256', [27, 27, 96], 5, 256, 1, 2),
      conv('paper C3 3×3 13²×256→384', [13, 13, 256], 3, 384, 1, 1),
      conv('paper C4 3×3 13²×384→384', [13, 13, 384], 3, 384, 1, 1),
      conv('cifar C1 5×5 32²×3→64', [32, 32, 3], 5, 64, 1, 2),
      conv('cifar C2 5×5 15²×64→192', [15, 15, 64], 5, 192, 1, 2),
      conv('cifar C3 3×3 7²×192→384', [7, 7, 192], 3, 384, 1, 1),
    ],
    pools: [
      { name: 'paper pool1 3×3/2 55²×96', x: [batch, 55, 55, 96], size: 3, stride: 2 },
      { name: 'cifar pool1 3×3/2 32²×64', x: [batch, 32, 32, 64], size: 3, stride: 2 },
      { name: 'cifar pool1 2×2/2 32²×64', x: [batch, 32, 32, 64], size: 2, stride: 2 },
    ],
  };
}

/** Wall time of one call, including the read-back that waits for the GPU. */
async function wallMs(fn: () => tf.Tensor): Promise<number> {
  const t0 = performance.now();
  const out = fn();
  await out.data();
  out.dispose();
  return performance.now() - t0;
}

/**
 * Best-of-`reps` ms of `fn` with the stock kernels and with ours (or of `oursFn` with ours),
 * alternated.
 */
async function stockVsOurs(
  fn: () => tf.Tensor,
  reps: number,
  oursFn = fn,
): Promise<{ stock: number; ours: number }> {
  const best = { stock: Infinity, ours: Infinity };
  for (let i = 0; i <= reps; i++) {
    for (const which of ['stock', 'ours'] as const) {
      registerWebGpuTrainingKernels({ ours: which === 'ours' });
      const ms = await wallMs(which === 'ours' ? oursFn : fn);
      if (i > 0) best[which] = Math.min(best[which], ms);
    }
  }
  registerWebGpuTrainingKernels();
  return best;
}

const line = (what: string, r: { stock: number; ours: number }) =>
  `${what.padEnd(50)} stock ${r.stock.toFixed(1).padStart(8)} ms   ours ${r.ours.toFixed(1).padStart(8)} ms   ×${(r.stock / r.ours).toFixed(2)}`;

/** Runs on the current (webgpu) backend; prints one line per kernel and layer. */
export async function compareKernels(
  cases: { convs: ConvCase[]; pools: PoolCase[] },
  reps: number,
  log: (line: string) => void,
): Promise<void> {
  for (const c of cases.convs) {
    const filterShape: [number, number, number, number] = [c.kernel, c.kernel, c.x[3], c.filters];
    const info = tf.backend_util.computeConv2DInfo(c.x, filterShape, c.stride, 1, c.pad);
    const x = tf.randomNormal(c.x);
    const dy = tf.randomNormal(info.outShape);
    const w = tf.randomNormal(filterShape);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC' };
    const oursForward = () => {
      const y = conv2dConfig.kernelFunc({ inputs: { x, filter: w }, backend: tf.backend(), attrs });
      return tf.engine().makeTensorFromTensorInfo(y as tf.TensorInfo);
    };
    const forward = await stockVsOurs(
      () => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad),
      reps,
      oursForward,
    );
    log(line(`${c.name} forward`, forward));
    const dw = () =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape }) as tf.Tensor;
    log(line(`${c.name} weight gradient`, await stockVsOurs(dw, reps)));
    if (c.inputGradient) {
      const dx = () =>
        tf
          .engine()
          .runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: c.x }) as tf.Tensor;
      log(line(`${c.name} input gradient`, await stockVsOurs(dx, reps)));
    }
    tf.dispose([x, dy, w]);
  }
  for (const p of cases.pools) {
    const x = tf.randomNormal(p.x);
    const y = tf.maxPool(x as tf.Tensor4D, p.size, p.stride, 'valid');
    const dy = tf.randomNormal(y.shape);
    const grad = () =>
      tf
        .engine()
        .runKernel(
          'MaxPoolGrad',
          { dy, input: x, output: y },
          { filterSize: p.size, strides: p.stride, pad: 'valid' },
        ) as tf.Tensor;
    log(line(`${p.name} MaxPoolGrad`, await stockVsOurs(grad, reps)));
    tf.dispose([x, y, dy]);
  }
}
