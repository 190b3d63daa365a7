// LRN and LRNGrad for the wasm backend. The stock ones are plain C++ loops that recompute the
// channel window and call pow for every (element, window neighbour) pair. Here each pixel's
// channel row is done once, by SIMD WebAssembly of ours on the same heap (simd/lrnSimd.ts;
// β = 0.75 and C a multiple of 4, i.e. AlexNet) or else in JS, in float64:
//   N_c  = bias + α · Σ_{c' ∈ [c−r, c+r] ∩ [0, C)} x_{c'}²
//   y_c  = x_c · N_c^(−β)
//   dx_k = dy_k · N_k^(−β) − 2αβ · x_k · Σ_{c ∈ [k−r, k+r] ∩ [0, C)} dy_c · y_c / N_c
// (the window is symmetric, so "c's window holds k" is "k's window holds c"), with N^(−β) by
// square roots for the β AlexNet uses (0.75) instead of pow.
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapMemory, ptr, withScratch } from './simd/heap';
import { lrnSimdFor, type LrnSimd } from './simd/lrnSimd';
import { lrnAttrsOf as attrsOf } from '../common/kernelAttrs';

/** Our SIMD kernels for this backend and these attributes, or null (then JS does the work). */
function simdFor(
  wasm: BackendWasm,
  C: number,
  beta: number,
): { simd: LrnSimd; memory: WebAssembly.Memory } | null {
  if (beta !== 0.75 || C % 4 !== 0 || C === 0) return null;
  const memory = heapMemory(wasm);
  const simd = memory ? lrnSimdFor(memory) : null;
  return simd && memory ? { simd, memory } : null;
}

/** q^β for q = 1/N: square roots for AlexNet's β = 0.75 (cheaper than pow). */
function powBeta(q: number, beta: number): number {
  return beta === 0.75 ? Math.sqrt(q * Math.sqrt(q)) : Math.pow(q, beta);
}

// Both kernels slide the window along each pixel's channel row (add the square entering, drop the
// one leaving) instead of re-summing 2r + 1 terms. Squares of float32 values are exact in
// float64, so the running sum only drifts by rounding; it is clamped at 0 so that an all-zero
// window (common after ReLU) still gives N = bias. Everything is inline in one loop nest: V8 ran
// the same arithmetic split into helper functions and temporary rows markedly slower.

/** inputs x [N, H, W, C]; attrs as tf.localResponseNormalization's. @returns y [N, H, W, C] */
const lrn: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x } = inputs as { x: TensorInfo };
  const { depthRadius: r, bias, alpha, beta } = attrsOf(attrs);
  const C = x.shape[x.shape.length - 1];
  const out = wasm.makeOutput(x.shape, 'float32');
  const rows = C > 0 ? util.sizeFromShape(x.shape) / C : 0;
  const fast = rows > 0 ? simdFor(wasm, C, beta) : null;
  if (fast) {
    withScratch(wasm, fast.memory, C + 2 * r, (scratch) =>
      fast.simd.lrn_fwd(ptr(wasm, x), ptr(wasm, out), rows, C, r, bias, alpha, scratch),
    );
    return out;
  }
  // Views after makeOutput: it may grow (and detach) the heap.
  const xs = wasm.typedArrayFromHeap(x) as Float32Array;
  const ys = wasm.typedArrayFromHeap(out) as Float32Array;
  for (let base = 0; base < xs.length; base += C) {
    let s = 0;
    for (let c = 0; c < r && c < C; c++) s += xs[base + c] * xs[base + c];
    for (let c = 0; c < C; c++) {
      if (c + r < C) s += xs[base + c + r] * xs[base + c + r];
      if (c > r) s -= xs[base + c - r - 1] * xs[base + c - r - 1];
      ys[base + c] = xs[base + c] * powBeta(1 / (bias + alpha * (s > 0 ? s : 0)), beta);
    }
  }
  return out;
};

/** inputs x, y (the forward's output) and dy, all [N, H, W, C]. @returns dx [N, H, W, C] */
const lrnGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { x, y, dy } = inputs as { x: TensorInfo; y: TensorInfo; dy: TensorInfo };
  const { depthRadius: r, bias, alpha, beta } = attrsOf(attrs);
  const C = x.shape[x.shape.length - 1];
  const out = wasm.makeOutput(x.shape, 'float32');
  const k2ab = 2 * alpha * beta;
  const rows = C > 0 ? util.sizeFromShape(x.shape) / C : 0;
  const fast = rows > 0 ? simdFor(wasm, C, beta) : null;
  if (fast) {
    withScratch(wasm, fast.memory, 3 * (C + 2 * r), (scratch) =>
      fast.simd.lrn_bwd(
        ptr(wasm, x),
        ptr(wasm, y),
        ptr(wasm, dy),
        ptr(wasm, out),
        rows,
        C,
        r,
        bias,
        alpha,
        k2ab,
        scratch,
      ),
    );
    return out;
  }
  const xs = wasm.typedArrayFromHeap(x) as Float32Array;
  const ys = wasm.typedArrayFromHeap(y) as Float32Array;
  const gs = wasm.typedArrayFromHeap(dy) as Float32Array;
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  // One pixel's N_c^(−β), and t_c = dy_c · y_c / N_c (what each neighbour of c receives).
  const scale = new Float64Array(C);
  const t = new Float64Array(C);
  for (let base = 0; base < xs.length; base += C) {
    let s = 0;
    for (let c = 0; c < r && c < C; c++) s += xs[base + c] * xs[base + c];
    for (let c = 0; c < C; c++) {
      if (c + r < C) s += xs[base + c + r] * xs[base + c + r];
      if (c > r) s -= xs[base + c - r - 1] * xs[base + c - r - 1];
      const q = 1 / (bias + alpha * (s > 0 ? s : 0));
      scale[c] = powBeta(q, beta);
      t[c] = gs[base + c] * ys[base + c] * q;
    }
    // Running window sum of t (no clamp: t has either sign).
    let u = 0;
    for (let c = 0; c < r && c < C; c++) u += t[c];
    for (let k = 0; k < C; k++) {
      if (k + r < C) u += t[k + r];
      if (k > r) u -= t[k - r - 1];
      dx[base + k] = gs[base + k] * scale[k] - k2ab * xs[base + k] * u;
    }
  }
  return out;
};

export const lrnConfig: KernelConfig = { kernelName: 'LRN', backendName: 'wasm', kernelFunc: lrn };
export const lrnGradConfig: KernelConfig = {
  kernelName: 'LRNGrad',
  backendName: 'wasm',
  kernelFunc: lrnGrad,
};
