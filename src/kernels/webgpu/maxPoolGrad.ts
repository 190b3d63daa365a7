// MaxPoolGrad for the webgpu backend as a gather: one thread per input element (n, h, w, c)
// adds the dy of every window that contains it and whose maximum is it. "Is it" follows the cpu
// backend exactly: a window's maximum belongs to the first position, in row-major window order,
// holding the largest value (ties are common after ReLU: zeros). No atomics, one pass, and dx
// needs no zero-fill. Stock tfjs-webgpu first writes an int32 argmax tensor of the output's size,
// then gathers from it; here the forward output y (an input of MaxPoolGrad) answers "is x the
// maximum?" for most windows with one read, and only equal values scan the window for an
// earlier tie. Any pool size, stride and padding; the model uses 3×3/2 and 2×2/2 'valid'.
import type { backend_util, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatLayout } from './flatLayout';
import { pool2DInfo } from '../common/kernelAttrs';

function maxPoolGradProgram(info: backend_util.Conv2DInfo): WebGPUProgram {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: SH, strideWidth: SW, filterHeight: FH, filterWidth: FW } = info;
  const { top: PT, left: PL } = info.padInfo;
  const outputShape = info.inShape;
  return {
    ...flatLayout(outputShape),
    shaderKey: `maxPoolGradGather_${H}_${W}_${C}_${OH}_${OW}_${SH}_${SW}_${FH}_${FW}_${PT}_${PL}`,
    variableNames: ['dyIn', 'xIn', 'yIn'],
    getUserCode: () => `
      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let c = index % ${C};
        let pixel = index / ${C};
        let w = pixel % ${W};
        let h = (pixel / ${W}) % ${H};
        let n = pixel / ${W * H};
        let v = xIn[index];
        var sum = 0.0;
        // Windows (oy, ox) whose tap (i, j) is (h, w): oy·s − pt + i = h with 0 ≤ i < fh, i.e.
        // ceil((h + pt − fh + 1)/s) ≤ oy ≤ (h + pt)/s. Walked with oy and ox ascending, the order
        // in which the cpu backend adds them.
        let hp = h + ${PT};
        let wp = w + ${PL};
        let ah = hp - ${FH - 1};
        let aw = wp - ${FW - 1};
        let oyLo = select(0, (ah + ${SH - 1}) / ${SH}, ah > 0);
        let oxLo = select(0, (aw + ${SW - 1}) / ${SW}, aw > 0);
        let oyHi = min(${OH - 1}, hp / ${SH});
        let oxHi = min(${OW - 1}, wp / ${SW});
        for (var oy = oyLo; oy <= oyHi; oy++) {
          let i = hp - oy * ${SH};
          for (var ox = oxLo; ox <= oxHi; ox++) {
            let j = wp - ox * ${SW};
            let o = ((n * ${OH} + oy) * ${OW} + ox) * ${C} + c;
            let best = yIn[o];
            // The cpu backend starts from −∞ with a strict >: a window of −∞ sends nowhere.
            if (v != best || best == -uniforms.INFINITY) {
              continue;
            }
            // x is the maximum; it owns the gradient unless an earlier tap (row-major) ties.
            var first = true;
            let y0 = oy * ${SH} - ${PT};
            let x0 = ox * ${SW} - ${PL};
            for (var p = 0; p < i * ${FW} + j; p++) {
              let yy = y0 + p / ${FW};
              let xx = x0 + p % ${FW};
              if (yy >= 0 && yy < ${H} && xx >= 0 && xx < ${W} &&
                  xIn[((n * ${H} + yy) * ${W} + xx) * ${C} + c] == best) {
                first = false;
                break;
              }
            }
            if (first) {
              sum += dyIn[o];
            }
          }
        }
        setOutputAtIndex(index, sum);
      }
    `,
  };
}

/**
 * inputs dy [N, oh, ow, C], input x [N, H, W, C], output y = maxPool(x) [N, oh, ow, C];
 * attrs as tf.maxPool's. @returns dx [N, H, W, C]
 */
const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { dy, input, output } = inputs as { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  const info = pool2DInfo(attrs, input.shape);
  return gpu.runWebGPUProgram(maxPoolGradProgram(info), [dy, input, output], 'float32');
};

export const maxPoolGradConfig: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'webgpu',
  kernelFunc: maxPoolGrad,
};
