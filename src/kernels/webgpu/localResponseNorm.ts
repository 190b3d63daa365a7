// LRN and LRNGrad for the webgpu backend, each a single dispatch of one thread per 4 channels of
// a pixel (1 where C % 4 ≠ 0 or the window is wide).
// Stock tfjs-webgpu's LRNGrad loops over all C channels for each of the C channels of a pixel
// (O(C²) per element), so the model built LRN from ~15 ordinary ops on GPUs (src/model/lrn.ts):
// a dozen dispatches and intermediate tensors forward, more backward. Here, as in the wasm
// kernels (../wasm/localResponseNorm.ts):
//   N_c  = bias + α · Σ_{c' ∈ [c−r, c+r] ∩ [0, C)} x_{c'}²
//   y_c  = x_c · N_c^(−β)
//   dx_k = dy_k · N_k^(−β) − 2αβ · x_k · Σ_{c ∈ [k−r, k+r] ∩ [0, C)} dy_c · y_c / N_c
// (alpha not divided by n, as tf.localResponseNormalization). A thread of LRNGrad recomputes
// the N_c of its outputs' neighbours from the squares around them (12 reads of x for 4 outputs
// at AlexNet's r = 2) rather than reading them from a buffer: a second dispatch and an
// [N, H, W, C] tensor would cost more than the few adds, and y (an input of LRNGrad) already
// gives y_c / N_c without a pow per neighbour. Sums are direct (no running add/subtract, which
// loses small windows next to large ones in float32). r and C are baked into the shader, written
// out as straight-line code for small r (UNROLL_MAX); bias, α and β are uniforms, so other
// constants reuse the pipeline. N^(−β) uses square roots for AlexNet's β = 0.75 (WGSL's pow is
// exp2(y · log2 x): slower and less exact), pow otherwise.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatLayout } from './flatLayout';
import { lrnAttrsOf as attrsOf, type LrnAttrs } from '../common/kernelAttrs';
import { declareOwnKernel } from '../../shared/ownKernels';

const UNIFORMS = 'bias : f32, alpha : f32, beta : f32, k2ab : f32,';
/** Values for UNIFORMS, in its order. */
function uniformData({ bias, alpha, beta }: LrnAttrs) {
  return [bias, alpha, beta, 2 * alpha * beta].map((v) => ({ type: 'float32', data: [v] }));
}

/** WGSL n^(−β) for n > 0, specialised for the β values that need no pow. */
function negPowBeta(beta: number): { key: string; code: string } {
  const body =
    beta === 0.75
      ? 'let q = 1.0 / n;\n        return sqrt(q * sqrt(q));'
      : beta === 0.5
        ? 'return sqrt(1.0 / n);'
        : beta === 1
          ? 'return 1.0 / n;'
          : 'return pow(n, -uniforms.beta);';
  const key = beta === 0.75 || beta === 0.5 || beta === 1 ? String(beta) : 'pow';
  return { key, code: `fn negPowBeta(n : f32) -> f32 {\n        ${body}\n      }` };
}

/**
 * Largest radius written out as straight-line code. Unrolled, every offset is a constant and the
 * channel bounds are selects, not branches (a GPU compiler may unroll the loops itself;
 * SwiftShader does not, and runs loops over a private array much slower). The gradient's code
 * grows as r², so wider windows keep loops.
 */
const UNROLL_MAX = 4;

/** WGSL `terms` joined by " + ". */
const sumOf = (terms: string[]) => terms.join(' + ');
/** [0, 1, …, n − 1] */
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** sqAt(row, c): x_c² of the channel row starting at `row`, 0 for c outside [0, C). */
const SQ_AT = (C: number) => `
      fn sqAt(row : i32, c : i32) -> f32 {
        let v = xIn[row + clamp(c, 0, ${C - 1})];
        return select(0.0, v * v, c >= 0 && c < ${C});
      }`;

/**
 * Thread `index` does P consecutive channels k0 … k0 + P − 1 of one pixel of the flat
 * [N, H, W, C] tensors: elements base … base + P − 1 with base = index · P, k0 = base % C, and
 * the pixel's channel row starting at row = base − k0. P = 4 where C % 4 = 0 and the code is
 * unrolled (AlexNet): neighbouring outputs share most of their squares, N's and loads (LRNGrad,
 * r = 2: 12 squares and 8 N's for 4 outputs instead of 36 and 20), else 1. `body` sees k0, base,
 * row, the uniforms and negPowBeta, and calls setOutputAtIndex.
 */
function elementwiseProgram(
  name: string,
  shape: number[],
  a: LrnAttrs,
  variableNames: string[],
  body: (C: number, r: number, P: number) => string,
): WebGPUProgram {
  const C = shape[shape.length - 1];
  // Channels further than C − 1 from k are outside [0, C) anyway: a wider radius changes nothing.
  const r = Math.min(a.depthRadius, C - 1);
  const P = C % 4 === 0 && r <= UNROLL_MAX ? 4 : 1;
  const pow = negPowBeta(a.beta);
  return {
    ...flatLayout(shape, P),
    shaderKey: `${name}_${C}_${r}_${P}_${pow.key}`,
    variableNames,
    uniforms: UNIFORMS,
    getUserCode: () => `
      ${pow.code}
      ${SQ_AT(C)}

      fn main(index : i32) {
        let base = index * ${P};
        if (base >= uniforms.size) {
          return;
        }
        let k0 = base % ${C};
        let row = base - k0;
        ${body(C, r, P)}
      }
    `,
  };
}

/** y_k = x_k · N_k^(−β). */
function lrnProgram(shape: number[], a: LrnAttrs): WebGPUProgram {
  return elementwiseProgram('lrnFused', shape, a, ['xIn'], (C, r, P) => {
    const out = (m: number, s: string) =>
      `setOutputAtIndex(base + ${m}, xIn[base + ${m}] * negPowBeta(uniforms.bias + uniforms.alpha * ${s}));`;
    if (r > UNROLL_MAX)
      return `var s = 0.0;
        for (var c = max(k0 - ${r}, 0); c <= min(k0 + ${r}, ${C - 1}); c++) {
          s += sqAt(row, c);
        }
        ${out(0, 's')}`;
    // q_i = x² of channel k0 − r + i; output k0 + m's window is q_m … q_{m+2r}.
    const lines = range(2 * r + P).map((i) => `let q${i} = sqAt(row, k0 + ${i - r});`);
    for (const m of range(P)) lines.push(out(m, `(${sumOf(range(2 * r + 1).map((i) => `q${m + i}`))})`));
    return lines.join('\n        ');
  });
}

/**
 * dx_k = dy_k · N_k^(−β) − 2αβ · x_k · u, u = Σ_{c ∈ [k−r, k+r] ∩ [0, C)} dy_c · y_c / N_c, with
 * each N_c recomputed here from the squares.
 */
function lrnGradProgram(shape: number[], a: LrnAttrs): WebGPUProgram {
  return elementwiseProgram('lrnGradFused', shape, a, ['xIn', 'yIn', 'dyIn'], (C, r, P) => {
    const out = (m: number, nk: string, u: string) =>
      `setOutputAtIndex(base + ${m}, dyIn[base + ${m}] * negPowBeta(${nk}) - uniforms.k2ab * xIn[base + ${m}] * ${u});`;
    if (r > UNROLL_MAX)
      return `var u = 0.0;
        var nk = 0.0;
        for (var c = max(k0 - ${r}, 0); c <= min(k0 + ${r}, ${C - 1}); c++) {
          var s = 0.0;
          for (var m = max(c - ${r}, 0); m <= min(c + ${r}, ${C - 1}); m++) {
            s += sqAt(row, m);
          }
          let n = uniforms.bias + uniforms.alpha * s;
          u += dyIn[row + c] * yIn[row + c] / n;
          if (c == k0) {
            nk = n;
          }
        }
        ${out(0, 'nk', 'u')}`;
    // q_i = x² of channel k0 − 2r + i (0 outside [0, C)): all the squares that the windows of
    // the neighbours c_j = k0 − r + j (j = 0 … 2r + P − 1) of the P outputs hold. c_j's window
    // is q_j … q_{j+2r}, its N is n_j, and t_j = dy · y / N of c_j (0 outside [0, C)). Output
    // k0 + m has N = n_{m+r} and u = t_m + … + t_{m+2r}.
    const lines = range(4 * r + P).map((i) => `let q${i} = sqAt(row, k0 + ${i - 2 * r});`);
    for (const j of range(2 * r + P)) {
      const terms = sumOf(range(2 * r + 1).map((i) => `q${j + i}`));
      const c = `k0 + ${j - r}`;
      const at = `row + clamp(${c}, 0, ${C - 1})`;
      lines.push(
        `let n${j} = uniforms.bias + uniforms.alpha * (${terms});`,
        `let t${j} = select(0.0, dyIn[${at}] * yIn[${at}] / n${j}, ${c} >= 0 && ${c} < ${C});`,
      );
    }
    for (const m of range(P))
      lines.push(out(m, `n${m + r}`, `(${sumOf(range(2 * r + 1).map((j) => `t${m + j}`))})`));
    return lines.join('\n        ');
  });
}

/** inputs x [N, H, W, C]; attrs as tf.localResponseNormalization's. @returns y [N, H, W, C] */
const lrn: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { x } = inputs as { x: TensorInfo };
  const a = attrsOf(attrs);
  return gpu.runWebGPUProgram(lrnProgram(x.shape, a), [x], 'float32', uniformData(a));
};

/** inputs x, y (the forward's output) and dy, all [N, H, W, C]. @returns dx [N, H, W, C] */
const lrnGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { x, y, dy } = inputs as { x: TensorInfo; y: TensorInfo; dy: TensorInfo };
  const a = attrsOf(attrs);
  return gpu.runWebGPUProgram(lrnGradProgram(x.shape, a), [x, y, dy], 'float32', uniformData(a));
};

export const lrnConfig: KernelConfig = { kernelName: 'LRN', backendName: 'webgpu', kernelFunc: lrn };
export const lrnGradConfig: KernelConfig = {
  kernelName: 'LRNGrad',
  backendName: 'webgpu',
  kernelFunc: lrnGrad,
};

// Ours: the op's caller uses this kernel while it is the registered one (shared/ownKernels.ts).
declareOwnKernel(lrnGrad);
