// MaxPoolGrad for the wasm backend: the stock one is wrong whenever batch > 1 or channels > 1.
// Each output window sends its dy to the first maximum of the window (row-major order, as the
// cpu backend does). Our SIMD WebAssembly (simd/maxPoolGradSimd.ts) does it for windows inside
// the input with C a multiple of 4 (all of AlexNet's pools); otherwise plain JS over
// the wasm heap, with the channel loop innermost because NHWC keeps channels contiguous.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { pool2DInfo } from '../common/kernelAttrs';
import { heapMemory, ptr } from './simd/heap';
import { maxPoolGradSimdFor } from './simd/maxPoolGradSimd';

/**
 * inputs dy [N, oh, ow, C], input x [N, H, W, C] (and the forward output, unused);
 * attrs as tf.maxPool's. @returns dx [N, H, W, C]
 */
const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const info = pool2DInfo(attrs, input.shape);
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const { top, left } = info.padInfo;

  // makeOutput may grow the wasm memory and detach older views: take the views after it.
  const out = wasm.makeOutput(input.shape, 'float32');
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  const memory = heapMemory(wasm);
  const simd = memory && c % 4 === 0 ? maxPoolGradSimdFor(memory) : null;
  const inside =
    top === 0 && left === 0 && (outHeight - 1) * sh + fh <= inHeight && (outWidth - 1) * sw + fw <= inWidth;
  if (simd && inside && outWidth > 0) {
    const [xAt, dyAt, dxAt] = [ptr(wasm, input), ptr(wasm, dy), ptr(wasm, out)];
    for (let b = 0; b < batchSize; b++)
      for (let oy = 0; oy < outHeight; oy++)
        simd.pool_grad_row(
          xAt + (b * inHeight + oy * sh) * inWidth * c * 4,
          dyAt + (b * outHeight + oy) * outWidth * c * 4,
          dxAt - xAt,
          outWidth,
          fh,
          fw,
          sw * c * 4,
          inWidth * c * 4,
          c * 4,
          c * 4,
        );
    return out;
  }
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      // The window's rows and columns inside the input (padding never holds the maximum).
      const y0 = Math.max(0, oy * sh - top);
      const y1 = Math.min(inHeight, oy * sh - top + fh);
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = Math.max(0, ox * sw - left);
        const x1 = Math.min(inWidth, ox * sw - left + fw);
        const dyBase = ((b * outHeight + oy) * outWidth + ox) * c;
        if (y0 >= y1 || x0 >= x1) continue;
        // Start from the window's first element, then keep the first strict maximum.
        const first = ((b * inHeight + y0) * inWidth + x0) * c;
        for (let ch = 0; ch < c; ch++) {
          best[ch] = x[first + ch];
          where[ch] = first + ch;
        }
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = iy === y0 ? x0 + 1 : x0; ix < x1; ix++) {
            const base = ((b * inHeight + iy) * inWidth + ix) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch];
              if (v > best[ch]) {
                best[ch] = v;
                where[ch] = base + ch;
              }
            }
          }
        }
        for (let ch = 0; ch < c; ch++) dx[where[ch]] += g[dyBase + ch];
      }
    }
  }
  return out;
};

export const maxPoolGradConfig: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
