// The start-up self-test's kernel cases: each of our webgpu kernels on small shapes that take
// its code paths (both GEMM tile sizes, vec4 and scalar staging, split-K, edge tiles, C1's
// stride 4, a grouped convolution), run on the user's GPU and on the cpu backend (selfTest.ts).
// Each case calls one kernel of ours directly, so a wrong result names that kernel.
//
// Tolerance: 10× the kernel tests' (conv2d.test.ts etc., on SwiftShader), because a hardware GPU
// may fuse multiply-adds and reassociate sums where SwiftShader does not; a kernel that is
// really wrong (a race, a dropped tile, garbage) is off by far more than 1e-3.
import * as tf from '@tensorflow/tfjs-core';
import { HASH_DROPOUT, SGD_VELOCITY, type SgdVelocityAttrs } from '../../shared/customOps';
import type { TileSize } from '../choice';
import { size, values } from '../../shared/closeness';

export interface KernelCase {
  /** What it computes, e.g. 'Conv2D x [2,23,23,3] k11 s4, 64-tiles'. */
  name: string;
  /** The kernel of ours it checks. */
  kernel: string;
  /** Largest relative error accepted (closeness.ts relativeError). */
  tolerance: number;
  /** GEMM tile forced while it runs on webgpu (the cpu reference has none). */
  tile?: TileSize;
  /** The computation; `reference` on cpu where the kernel has no cpu twin, else this on both. */
  run: () => tf.Tensor[];
  reference?: () => tf.Tensor[];
}

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | number;
const GEMM_TOLERANCE = 1e-4;

const t4 = (shape: Shape4, seed: number, ties = false) => tf.tensor4d(values(size(shape), seed, ties), shape);
const filterOf = (x: Shape4, k: number, f: number): Shape4 => [k, k, x[3], f];
const outShape = (x: Shape4, k: number, f: number, s: number, pad: Pad): Shape4 =>
  tf.backend_util.computeConv2DInfo(x, filterOf(x, k, f), s, 1, pad).outShape as Shape4;
const label = (x: Shape4, k: number, f: number, s: number, pad: Pad) =>
  `x [${x.join(',')}] k${k} f${f} s${s} pad ${pad}`;

// [x, kernel, filters, stride, pad]: C1's 11×11 stride 4 on 3 channels (scalar staging), 8
// channels (vec4 staging) with 67 and 132 filters (edge tiles at both tile sizes).
const FORWARD: [Shape4, number, number, number, Pad][] = [
  [[2, 23, 23, 3], 11, 5, 4, 'valid'],
  [[2, 9, 9, 8], 3, 67, 1, 1],
  [[2, 9, 9, 8], 3, 132, 1, 1],
];
// The weight gradient: C1's stride 4, and two long reductions split into K slices.
const FILTER: [Shape4, number, number, number, Pad][] = [
  [[2, 23, 23, 3], 11, 5, 4, 'valid'],
  [[4, 16, 16, 8], 3, 12, 1, 1],
  [[2, 9, 9, 8], 3, 132, 1, 1],
];
// The input gradient: C1's stride 4, 70 input channels (edge tile, vec4 W), stride 2 'same'.
const INPUT: [Shape4, number, number, number, Pad][] = [
  [[2, 23, 23, 3], 11, 5, 4, 'valid'],
  [[2, 9, 9, 70], 3, 8, 1, 1],
  [[2, 11, 11, 4], 3, 4, 2, 'same'],
];
const TILES: TileSize[] = [64, 128];

function convCases(): KernelCase[] {
  const cases: KernelCase[] = [];
  for (const tile of TILES) {
    for (const [x, k, f, s, pad] of FORWARD)
      cases.push({
        name: `Conv2D ${label(x, k, f, s, pad)}, ${tile}-tiles`,
        kernel: 'Conv2D',
        tolerance: GEMM_TOLERANCE,
        tile,
        run: () => [tf.conv2d(t4(x, 1), t4(filterOf(x, k, f), 2), s, pad)],
      });
    for (const [x, k, f, s, pad] of FILTER)
      cases.push({
        name: `Conv2DBackpropFilter ${label(x, k, f, s, pad)}, ${tile}-tiles`,
        kernel: 'Conv2DBackpropFilter',
        tolerance: GEMM_TOLERANCE,
        tile,
        run: () => [
          tf
            .engine()
            .runKernel(
              'Conv2DBackpropFilter',
              { x: t4(x, 3), dy: t4(outShape(x, k, f, s, pad), 4) },
              { strides: s, pad, dataFormat: 'NHWC', filterShape: filterOf(x, k, f) },
            ) as tf.Tensor,
        ],
      });
    for (const [x, k, f, s, pad] of INPUT)
      cases.push({
        name: `Conv2DBackpropInput ${label(x, k, f, s, pad)}, ${tile}-tiles`,
        kernel: 'Conv2DBackpropInput',
        tolerance: GEMM_TOLERANCE,
        tile,
        run: () => [
          tf.conv2dTranspose(t4(outShape(x, k, f, s, pad), 5), t4(filterOf(x, k, f), 6), x, s, pad),
        ],
      });
  }
  // The model's grouped convolution (model/layers.ts): channels and filters split in two towers.
  const gx: Shape4 = [2, 7, 7, 8];
  cases.push({
    name: `Conv2D grouped (2 towers) x [${gx.join(',')}] k3 f2×6`,
    kernel: 'Conv2D',
    tolerance: GEMM_TOLERANCE,
    run: () => {
      const xs = tf.split(t4(gx, 7), 2, 3);
      const ws = tf.split(t4([3, 3, 4, 12], 8), 2, 3);
      return [
        tf.concat(
          xs.map((xi, i) => tf.conv2d(xi as tf.Tensor4D, ws[i] as tf.Tensor4D, 1, 1)),
          3,
        ),
      ];
    },
  });
  const fx: Shape4 = [2, 9, 9, 4];
  cases.push({
    name: `FusedConv2D bias + relu x [${fx.join(',')}] k3 f67`,
    kernel: 'FusedConv2D',
    tolerance: GEMM_TOLERANCE,
    run: () => [
      tf.fused.conv2d({
        x: t4(fx, 9),
        filter: t4(filterOf(fx, 3, 67), 10),
        strides: 1,
        pad: 'same',
        bias: tf.tensor1d(values(67, 11)),
        activation: 'relu',
      }),
    ],
  });
  return cases;
}

/** [x, radius, bias, α, β]: a window inside the channels, and one wider than them. */
const LRN_CASES: [Shape4, number, number, number, number][] = [
  [[2, 5, 5, 12], 2, 2, 0.3, 0.75],
  [[1, 2, 3, 13], 5, 1, 0.1, 0.75],
];

function lrnCases(): KernelCase[] {
  return LRN_CASES.flatMap(([x, r, bias, alpha, beta]) => {
    const attrs = { depthRadius: r, bias, alpha, beta };
    const what = `x [${x.join(',')}] radius ${r}`;
    return [
      {
        name: `LRN ${what}`,
        kernel: 'LRN',
        tolerance: 1e-4,
        run: () => [tf.localResponseNormalization(t4(x, 12), r, bias, alpha, beta)],
      },
      {
        // y is any tensor of x's shape: the kernel's arithmetic is compared, not LRN's consistency.
        name: `LRNGrad ${what}`,
        kernel: 'LRNGrad',
        tolerance: 1e-4,
        run: () => [
          tf
            .engine()
            .runKernel('LRNGrad', { x: t4(x, 13), y: t4(x, 14).abs(), dy: t4(x, 15) }, attrs) as tf.Tensor,
        ],
      },
    ];
  });
}

/** [x, pool, stride, pad]: overlapping 3/2 pooling with ties, and 'same' padding. */
const POOL_CASES: [Shape4, number, number, 'valid' | 'same'][] = [
  [[2, 13, 13, 7], 3, 2, 'valid'],
  [[2, 10, 9, 4], 3, 2, 'same'],
];

function poolCases(): KernelCase[] {
  return POOL_CASES.map(([x, k, s, pad]) => ({
    name: `MaxPoolGrad x [${x.join(',')}] pool ${k} stride ${s} ${pad}`,
    kernel: 'MaxPoolGrad',
    tolerance: 1e-5,
    run: () => {
      const dyShape = tf.backend_util.computePool2DInfo(x, k, s, 1, pad).outShape as Shape4;
      const dy = t4(dyShape, 17);
      return [
        tf.grad((v: tf.Tensor) => tf.mul(tf.maxPool(v as tf.Tensor4D, k, s, pad), dy).sum())(t4(x, 16, true)),
      ];
    },
  }));
}

const SGD: SgdVelocityAttrs = { momentum: 0.9, lr: 0.01, weightDecay: 5e-4 };

function updateCases(): KernelCase[] {
  // A size not a multiple of 4 takes the scalar shader, a multiple of 4 the vec4 one.
  const sgd = [
    [37, 27],
    [5, 5, 3, 64],
  ].map((shape): KernelCase => {
    const vwg = () => [18, 19, 20].map((seed) => tf.tensor(values(size(shape), seed), shape));
    return {
      name: `SgdVelocity [${shape.join(',')}]`,
      kernel: SGD_VELOCITY,
      tolerance: 1e-5,
      run: () => {
        const [v, w, g] = vwg();
        return [tf.engine().runKernel(SGD_VELOCITY, { v, w, g }, { ...SGD }) as tf.Tensor];
      },
      // sgd.ts's ops formula, in the same order.
      reference: () => {
        const [v, w, g] = vwg();
        return [
          v
            .mul(SGD.momentum)
            .sub(w.mul(SGD.weightDecay * SGD.lr))
            .sub(g.mul(SGD.lr)),
        ];
      },
    };
  });
  const shape = [3, 13, 13, 96];
  const dropout: KernelCase = {
    name: `HashDropout [${shape.join(',')}] rate 0.5`,
    kernel: HASH_DROPOUT,
    // The same integer mask on both; kept values are one float32 multiply.
    tolerance: 1e-6,
    run: () => [
      tf
        .engine()
        .runKernel(
          HASH_DROPOUT,
          { x: tf.tensor(values(size(shape), 21), shape) },
          { rate: 0.5, seed: 99 },
        ) as tf.Tensor,
    ],
  };
  return [...sgd, dropout];
}

/** Every kernel case, in the order they run. */
export function webGpuKernelCases(): KernelCase[] {
  return [...convCases(), ...lrnCases(), ...poolCases(), ...updateCases()];
}
