// BatchMatMul for the wasm backend. The stock kernel is fast (XNNPACK) without transposes but
// takes a slow path with them, and a dense layer's two gradients are exactly the transposed
// products (dW = xᵀ·dy, dx = dy·Wᵀ). Transposing the operand first and multiplying plainly is
// much faster.
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { wasmKernel } from './stockKernels';

/**
 * Wraps the stock kernel (its setupFunc must still run at backend start-up).
 * inputs a [..., M, K] (or [..., K, M] with transposeA), b [..., K, P] (or [..., P, K]).
 */
export function batchMatMulConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return stock.kernelFunc(args);
    const wasm = backend as BackendWasm;
    const temps: TensorInfo[] = [];
    const temp = (t: TensorInfo) => (temps.push(t), t);
    // Swaps the last two axes with the wasm Transpose kernel.
    const swapLast = (t: TensorInfo) => {
      const r = t.shape.length;
      const perm = [...Array(r - 2).keys(), r - 1, r - 2];
      return wasmKernel('Transpose')({ inputs: { x: t }, backend, attrs: { perm } }) as TensorInfo;
    };
    try {
      const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
      if (transposeB && !transposeA && util.sizeFromShape(a.shape) < util.sizeFromShape(b.shape)) {
        // a·bᵀ = (b·aᵀ)ᵀ: transposes the small operand and the result, not the weight matrix
        // (dense dx = dy·Wᵀ), and XNNPACK then packs the small aᵀ instead of W.
        const ba = stock.kernelFunc({
          inputs: { a: b, b: temp(swapLast(a)) },
          backend,
          attrs: { ...attrs, transposeA: false, transposeB: false },
        }) as TensorInfo;
        return swapLast(temp(ba));
      }
      return stock.kernelFunc({
        inputs: { a: transposeA ? temp(swapLast(a)) : a, b: transposeB ? temp(swapLast(b)) : b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      });
    } finally {
      for (const t of temps) wasm.disposeData(t.dataId);
    }
  };
  return { ...stock, kernelFunc };
}
