// Conv2DBackpropInput for the wasm backend. The stock kernel is a plain C++ loop and dominated
// the training step. The input gradient is a forward convolution too:
//   dx = conv(dy dilated by the stride, zero-padded by k − 1 − pad, filter rotated 180° with
//        in/out channels swapped), stride 1
// so the wasm backend's XNNPACK Conv2D does it.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv2DInfo, isNchw } from '../common/kernelAttrs';
import { wasmKernel } from './stockKernels';

type ExplicitPad = [[number, number], [number, number], [number, number], [number, number]];

/** Inserts stride − 1 zero rows/columns between the rows/columns of dy [N, oh, ow, C]. */
function dilate(wasm: BackendWasm, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  const [n, oh, ow, c] = dy.shape;
  const dh = (oh - 1) * sh + 1;
  const dw = (ow - 1) * sw + 1;
  const out = wasm.makeOutput([n, dh, dw, c], 'float32');
  // Views after makeOutput: it may grow (and detach) the heap.
  const dst = wasm.typedArrayFromHeap(out) as Float32Array;
  const src = wasm.typedArrayFromHeap(dy) as Float32Array;
  dst.fill(0);
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++) {
        const from = ((b * oh + y) * ow + x) * c;
        dst.set(src.subarray(from, from + c), ((b * dh + y * sh) * dw + x * sw) * c);
      }
  return out;
}

/**
 * The filter rotated by 180° with its channel axes swapped: out[kh−1−i, kw−1−j, co, ci] =
 * f[i, j, ci, co]. The wasm Transpose kernel swaps the channel axes; the rotation is then the
 * k·k channel planes in reverse order (reversing i and j together reverses the plane index
 * i·kw + j), copied in JS: cheaper than the stock Reverse kernel it replaces.
 * @param filter [kh, kw, Cin, Cout] @returns [kh, kw, Cout, Cin]
 */
function rotateFilter(wasm: BackendWasm, filter: TensorInfo): TensorInfo {
  const swapped = wasmKernel('Transpose')({
    inputs: { x: filter },
    backend: wasm,
    attrs: { perm: [0, 1, 3, 2] },
  }) as TensorInfo;
  try {
    const [kh, kw, cin, cout] = filter.shape;
    const out = wasm.makeOutput([kh, kw, cout, cin], 'float32');
    // Views after makeOutput: it may grow (and detach) the heap.
    const src = wasm.typedArrayFromHeap(swapped) as Float32Array;
    const dst = wasm.typedArrayFromHeap(out) as Float32Array;
    const plane = cin * cout;
    const planes = kh * kw;
    for (let p = 0; p < planes; p++)
      dst.set(src.subarray(p * plane, (p + 1) * plane), (planes - 1 - p) * plane);
    return out;
  } finally {
    wasm.disposeData(swapped.dataId);
  }
}

/**
 * Wraps the stock kernel: its setupFunc must still run at backend start-up, and it remains the
 * fallback for padding wider than the kernel (never in AlexNet).
 * inputs dy [N, oh, ow, Cout], filter [k, k, Cin, Cout]; attrs.inputShape [N, H, W, Cin].
 */
export function conv2dBackpropInputConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const wasm = backend as BackendWasm;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    if (isNchw(attrs)) return stock.kernelFunc(args);
    const { inputShape } = attrs as unknown as { inputShape: [number, number, number, number] };
    const info = conv2DInfo('Conv2DBackpropInput (wasm)', attrs, inputShape, filter.shape);
    const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, inHeight, inWidth } = info;
    const { top, left } = info.padInfo;
    const [, oh, ow] = dy.shape;
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    // Rows after the dilated dy so that the stride-1 conv gives exactly H rows.
    const padBottom = inHeight - ((oh - 1) * sh + 1) - padTop + kh - 1;
    const padRight = inWidth - ((ow - 1) * sw + 1) - padLeft + kw - 1;
    if (Math.min(padTop, padLeft, padBottom, padRight) < 0) return stock.kernelFunc(args);

    const temps: TensorInfo[] = [];
    const keep = (t: TensorInfo) => (temps.push(t), t);
    try {
      const dyD = sh > 1 || sw > 1 ? keep(dilate(wasm, dy, sh, sw)) : dy;
      // [k, k, Cout, Cin]
      const swapped = keep(rotateFilter(wasm, filter));
      const explicit: ExplicitPad = [
        [0, 0],
        [padTop, padBottom],
        [padLeft, padRight],
        [0, 0],
      ];
      return wasmKernel('Conv2D')({
        inputs: { x: dyD, filter: swapped },
        backend,
        attrs: { strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [1, 1] },
      }) as TensorInfo;
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  return { ...stock, kernelFunc };
}
