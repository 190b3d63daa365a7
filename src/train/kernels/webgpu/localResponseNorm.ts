// LRN and LRNGrad for the webgpu backend, one thread per element, each a single dispatch.
// Stock tfjs-webgpu's LRNGrad loops over all C channels for each of the C channels of a pixel
// (O(C²) per element, 37–70 s for one [64,16,16,64] tensor under SwiftShader), so the model built
// LRN from ~15 ordinary ops on GPUs (src/model/lrn.ts): a dozen dispatches and intermediate
// tensors forward, more backward. Here, as in the wasm kernels (../localResponseNorm.ts):
//   N_c  = bias + α · Σ_{c' ∈ [c−r, c+r] ∩ [0, C)} x_{c'}²
//   y_c  = x_c · N_c^(−β)
//   dx_k = dy_k · N_k^(−β) − 2αβ · x_k · Σ_{c ∈ [k−r, k+r] ∩ [0, C)} dy_c · y_c / N_c
// (alpha not divided by n, as tf.localResponseNormalization). A thread of LRNGrad recomputes
// the N_c of its 2r + 1 neighbours from the 4r + 1 squares around it (9 reads of x for AlexNet's
// r = 2) rather than reading them from a buffer: a second dispatch and an [N, H, W, C] tensor
// would cost more than the few adds, and y (an input of LRNGrad) already gives y_c / N_c without
// a pow per neighbour. Sums are direct (no running add/subtract, which loses small windows next
// to large ones in float32). r and C are baked into the shader (constant loop bounds); bias, α
// and β are uniforms, so other constants reuse the pipeline. N^(−β) uses square roots for
// AlexNet's β = 0.75 (WGSL's pow is exp2(y · log2 x): slower and less exact), pow otherwise.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';
import { declareFastLrnGrad } from '../../../model/lrn';

interface LrnAttrs {
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

function attrsOf(attrs: unknown): LrnAttrs {
  const { depthRadius, bias, alpha, beta } = attrs as LrnAttrs;
  return { depthRadius, bias, alpha, beta };
}

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
 * Thread `index` is element (pixel, k) of the flat [N, H, W, C] tensors: k = index % C, and the
 * pixel's channel row starts at index − k.
 */
function lrnProgram(shape: number[], a: LrnAttrs): WebGPUProgram {
  const C = shape[shape.length - 1];
  const r = a.depthRadius;
  const pow = negPowBeta(a.beta);
  const dispatchLayout = webgpu_util.flatDispatchLayout(shape);
  const workgroupSize: [number, number, number] = [64, 1, 1];
  return {
    outputShape: shape,
    shaderKey: `lrnFused_${C}_${r}_${pow.key}`,
    dispatchLayout,
    dispatch: webgpu_util.computeDispatch(dispatchLayout, shape, workgroupSize),
    variableNames: ['xIn'],
    uniforms: UNIFORMS,
    workgroupSize,
    size: true,
    getUserCode: () => `
      ${pow.code}

      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let k = index % ${C};
        let row = index - k;
        var s = 0.0;
        for (var c = max(k - ${r}, 0); c <= min(k + ${r}, ${C - 1}); c++) {
          let v = xIn[row + c];
          s += v * v;
        }
        setOutputAtIndex(index, xIn[index] * negPowBeta(uniforms.bias + uniforms.alpha * s));
      }
    `,
  };
}

/** Thread `index` is element (pixel, k), as in lrnProgram; it writes dx_k. */
function lrnGradProgram(shape: number[], a: LrnAttrs): WebGPUProgram {
  const C = shape[shape.length - 1];
  const r = a.depthRadius;
  const pow = negPowBeta(a.beta);
  const dispatchLayout = webgpu_util.flatDispatchLayout(shape);
  const workgroupSize: [number, number, number] = [64, 1, 1];
  return {
    outputShape: shape,
    shaderKey: `lrnGradFused_${C}_${r}_${pow.key}`,
    dispatchLayout,
    dispatch: webgpu_util.computeDispatch(dispatchLayout, shape, workgroupSize),
    variableNames: ['xIn', 'yIn', 'dyIn'],
    uniforms: UNIFORMS,
    workgroupSize,
    size: true,
    getUserCode: () => `
      ${pow.code}

      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let k = index % ${C};
        let row = index - k;
        // sq[i] = x² of channel k − 2r + i (0 outside [0, C)): every square that the windows
        // of k's neighbours c ∈ [k − r, k + r] hold; c's window is sq[c − k + r ..][0 .. 2r].
        var sq : array<f32, ${4 * r + 1}>;
        for (var i = 0; i < ${4 * r + 1}; i++) {
          let c = k - ${2 * r} + i;
          var v = 0.0;
          if (c >= 0 && c < ${C}) {
            v = xIn[row + c];
          }
          sq[i] = v * v;
        }
        var u = 0.0;
        var scaleK = 0.0;
        for (var j = 0; j < ${2 * r + 1}; j++) {
          let c = k - ${r} + j;
          if (c < 0 || c >= ${C}) {
            continue;
          }
          var s = 0.0;
          for (var i = 0; i < ${2 * r + 1}; i++) {
            s += sq[j + i];
          }
          let n = uniforms.bias + uniforms.alpha * s;
          u += dyIn[row + c] * yIn[row + c] / n;
          if (j == ${r}) {
            scaleK = negPowBeta(n);
          }
        }
        setOutputAtIndex(index, dyIn[index] * scaleK - uniforms.k2ab * xIn[index] * u);
      }
    `,
  };
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

// While this is the registered LRNGrad, the model's lrn() calls tf.localResponseNormalization.
declareFastLrnGrad(lrnGrad);

export const lrnConfig: KernelConfig = { kernelName: 'LRN', backendName: 'webgpu', kernelFunc: lrn };
export const lrnGradConfig: KernelConfig = {
  kernelName: 'LRNGrad',
  backendName: 'webgpu',
  kernelFunc: lrnGrad,
};
