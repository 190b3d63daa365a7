// Conv2DBackpropFilter for the wasm backend, which ships none (any conv weight gradient throws).
// The weight gradient is itself a convolution:
//   dW[i, j, ci, co] = Σ_{n, y, x} xPad[n, y·s + i, x·s + j, ci] · dy[n, y, x, co]
// Read x as a batch of Cin single-plane images whose "channels" are the N examples
// ([Cin, H, W, N]) and dy as a filter [oh, ow, N, Cout] dilated by the stride: a stride-1 forward
// conv then yields [Cin, k, k, Cout]. The forward Conv2D of wasm (XNNPACK) does the work.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv2DInfo } from '../common/kernelAttrs';
import { wasmKernel } from './stockKernels';

type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];

/**
 * inputs x [N, H, W, Cin], dy [N, oh, ow, Cout]; attrs as tf.conv2d's (NHWC, dilation 1).
 * @returns dW [k, k, Cin, Cout] (filterShape)
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { filterShape } = attrs as unknown as { filterShape: [number, number, number, number] };
  const info = conv2DInfo('Conv2DBackpropFilter (wasm)', attrs, x.shape, filterShape);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, outHeight, outWidth } = info;
  const [, h, w] = x.shape;
  const { top, left } = info.padInfo;
  // Rows the dilated dy filter covers: kh outputs need kh + (oh − 1)·sh padded rows. Extra rows of
  // x (the forward's floor dropped them) are never read: they only add outputs sliced off below.
  const bottom = Math.max(0, kh + (outHeight - 1) * sh - h - top);
  const right = Math.max(0, kw + (outWidth - 1) * sw - w - left);

  const temps: TensorInfo[] = [];
  const keep = (t: TensorInfo) => (temps.push(t), t);
  try {
    const xT = keep(
      wasmKernel('Transpose')({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } }) as TensorInfo,
    );
    const dyT = keep(
      wasmKernel('Transpose')({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } }) as TensorInfo,
    );
    const explicit: ExplicitPad = [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ];
    // [Cin, ≥kh, ≥kw, Cout]
    let g = keep(
      wasmKernel('Conv2D')({
        inputs: { x: xT, filter: dyT },
        backend,
        attrs: { strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [sh, sw] },
      }) as TensorInfo,
    );
    if (g.shape[1] !== kh || g.shape[2] !== kw) {
      const cin = g.shape[0];
      const cout = g.shape[3];
      g = keep(
        wasmKernel('Slice')({
          inputs: { x: g },
          backend,
          attrs: { begin: [0, 0, 0, 0], size: [cin, kh, kw, cout] },
        }) as TensorInfo,
      );
    }
    return wasmKernel('Transpose')({
      inputs: { x: g },
      backend,
      attrs: { perm: [1, 2, 0, 3] },
    }) as TensorInfo;
  } finally {
    for (const t of temps) wasm.disposeData(t.dataId);
  }
};

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter,
};
