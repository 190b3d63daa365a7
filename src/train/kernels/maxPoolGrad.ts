// MaxPoolGrad for the wasm backend: the stock one is wrong whenever batch > 1 or channels > 1.
// Plain JS over the wasm heap: each output window sends its dy to the first maximum of the
// window (row-major order, as the cpu backend does). The channel loop is innermost because NHWC
// keeps channels contiguous.
import { backend_util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * inputs dy [N, oh, ow, C], input x [N, H, W, C] (and the forward output, unused);
 * attrs as tf.maxPool's. @returns dx [N, H, W, C]
 */
const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as {
    filterSize: [number, number] | number;
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const { top, left } = info.padInfo;

  // makeOutput may grow the wasm memory and detach older views: take the views after it.
  const out = wasm.makeOutput(input.shape, 'float32');
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);

  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < batchSize; b++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        where.fill(-1);
        for (let i = 0; i < fh; i++) {
          const iy = oy * sh - top + i;
          if (iy < 0 || iy >= inHeight) continue;
          for (let j = 0; j < fw; j++) {
            const ix = ox * sw - left + j;
            if (ix < 0 || ix >= inWidth) continue;
            const base = ((b * inHeight + iy) * inWidth + ix) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[base + ch];
              if (where[ch] < 0 || v > best[ch]) {
                best[ch] = v;
                where[ch] = base + ch;
              }
            }
          }
        }
        const dyBase = ((b * outHeight + oy) * outWidth + ox) * c;
        for (let ch = 0; ch < c; ch++) if (where[ch] >= 0) dx[where[ch]] += g[dyBase + ch];
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
