// Sum over leading axes for the wasm backend: every bias gradient is one (a conv bias sums dy
// [N, H, W, C] over N, H and W; a dense bias dy [N, units] over N). The stock kernel first
// transposes the reduced axes to the end, then sums each output's values with a stride; this
// row-by-row JS loop (float64 accumulators) reads x once, in order.
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Wraps the stock kernel (its setupFunc must still run at backend start-up; it keeps every other
 * case). inputs x [d0, …, dk−1, …] float32; attrs axis ⊇ … = [0, …, k−1], keepDims.
 */
export function sumConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs as { x: TensorInfo };
    const { axis, keepDims } = attrs as unknown as { axis: number | number[]; keepDims: boolean };
    const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const leading = axes.length > 0 && axes.every((a, i) => a === i);
    if (x.dtype !== 'float32' || !leading) return stock.kernelFunc(args);
    const wasm = backend as BackendWasm;
    const kept = x.shape.slice(axes.length);
    const outShape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
    const cols = util.sizeFromShape(kept);
    const out = wasm.makeOutput(outShape, 'float32');
    // Views after makeOutput: it may grow (and detach) the heap.
    const xs = wasm.typedArrayFromHeap(x) as Float32Array;
    const sums = wasm.typedArrayFromHeap(out) as Float32Array;
    const acc = new Float64Array(cols);
    // Four rows per pass: a quarter of the accumulator loads and stores.
    const rows = cols > 0 ? xs.length / cols : 0;
    let r = 0;
    for (; r + 4 <= rows; r += 4) {
      const b0 = r * cols;
      const b1 = b0 + cols;
      const b2 = b1 + cols;
      const b3 = b2 + cols;
      for (let c = 0; c < cols; c++) acc[c] += xs[b0 + c] + xs[b1 + c] + (xs[b2 + c] + xs[b3 + c]);
    }
    for (; r < rows; r++) for (let c = 0; c < cols; c++) acc[c] += xs[r * cols + c];
    sums.set(acc);
    return out;
  };
  return { ...stock, kernelFunc };
}
