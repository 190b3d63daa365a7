// Local response normalisation (Krizhevsky et al. 2012, section 3.3) built from ordinary ops,
// unless the backend has LRN kernels known to be fast (usesLrnKernel: wasm, and our webgpu ones).
// The stock tf.localResponseNormalization gradient (LRNGrad) is pathologically slow on WebGL and
// WebGPU (O(C²) per element); these ops differentiate through the generic kernels instead. The
// window sum pads the channel axis and adds n shifted slices: faster than a 1-D or 2-D
// convolution or a banded C×C matMul (docs/performance.md).
import * as tf from '@tensorflow/tfjs-core';
import { isOwnKernel } from '../shared/ownKernels';

/** LRN constants. Same convention as tf.localResponseNormalization: alpha is NOT divided by n. */
export interface LrnParams {
  k: number;
  /** Window size across channels (odd): depthRadius = (n − 1) / 2. */
  n: number;
  alpha: number;
  beta: number;
}

/** Whether lrn() uses tf.localResponseNormalization (LRN/LRNGrad kernels) on `backend`. */
export function usesLrnKernel(backend: string): boolean {
  // On wasm the LRN/LRNGrad kernels (ours, SIMD: src/kernels/wasm/localResponseNorm.ts) give
  // the same values as the ops below in a fraction of their time, and even the stock wasm ones
  // beat the ops. Elsewhere only our LRNGrad (webgpu): the stock GPU ones are the slow kernels
  // named above.
  if (backend === 'wasm') return true;
  return isOwnKernel(tf.getKernel('LRNGrad', backend)?.kernelFunc);
}

/**
 * b[..., c] = a[..., c] · (k + α · Σ_{c' = c−r}^{c+r} a[..., c']²)^(−β), r = (n − 1) / 2, with
 * channels outside [0, C) counting as zero.
 * @param x [N, H, W, C]
 * @returns [N, H, W, C]
 */
export function lrn(x: tf.Tensor4D, p: LrnParams): tf.Tensor4D {
  if (usesLrnKernel(tf.getBackend()))
    return tf.localResponseNormalization(x, Math.floor(p.n / 2), p.k, p.alpha, p.beta);
  return lrnOps(x, p);
}

/** lrn() as ordinary ops on every backend (what lrn() does where usesLrnKernel is false). */
export function lrnOps(x: tf.Tensor4D, p: LrnParams): tf.Tensor4D {
  return tf.tidy(() => {
    const r = Math.floor(p.n / 2);
    const channels = x.shape[3];
    const padded = tf.pad(tf.square(x), [
      [0, 0],
      [0, 0],
      [0, 0],
      [r, r],
    ]);
    let sum = tf.slice(padded, [0, 0, 0, 0], [-1, -1, -1, channels]);
    for (let i = 1; i < 2 * r + 1; i++) {
      sum = tf.add(sum, tf.slice(padded, [0, 0, 0, i], [-1, -1, -1, channels]));
    }
    const scale = tf.pow(tf.add(tf.mul(sum, p.alpha), p.k), -p.beta);
    return tf.mul(x, scale) as tf.Tensor4D;
  });
}
