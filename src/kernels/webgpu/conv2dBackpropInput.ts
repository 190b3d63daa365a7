// Conv2DBackpropInput (the convolution input gradient) for the webgpu backend as one implicit
// GEMM of the transposed convolution:
//   dx[n, h, w, ci] = Σ_{i, j, co} dy[n, (h + pt − i)/s, (w + pl − j)/s, co] · W[i, j, ci, co]
// over the taps where (h + pt − i) and (w + pl − j) are multiples of the stride s and in range:
//   rows m = (n·H + h)·W + w  (M = batch·H·W),  columns ci (N = Ci),
//   reduction k = (i·kw + j)·Co + co  (K = kh·kw·Co).
// M is large, so the tiles alone give plenty of workgroups: no split-K.
//
// Why not the stock forward conv over a padded dy with the flipped filter: that needs the filter
// flipped and transposed (a copy per step) and, for stride s > 1, a dy dilated with s − 1 zeros
// per gap (another copy, s² larger); the gather above reads dy and W in place, and measured
// faster (docs/performance.md). Its cost is that for s > 1 most (i, j) taps of a row are zero
// (15 of 16 for AlexNet's 11×11/4 C1), but C1's input gradient is never needed in training (its
// input is the data), and every other layer has s = 1.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { conv2DInfo } from '../common/kernelAttrs';
import { tiledGemmProgram } from './tiledGemm';
import { imagesPerDispatch, splitBatch } from './batchSplit';

/**
 * inputs dy [batch, oh, ow, Co], filter W [kh, kw, Ci, Co]; attrs as tf's Conv2DBackpropInput.
 * @returns dx [batch, H, W, Ci] (attrs.inputShape)
 */
const conv2dBackpropInput: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { inputShape } = attrs as unknown as { inputShape: [number, number, number, number] };
  const info = conv2DInfo('Conv2DBackpropInput (webgpu, ours)', attrs, inputShape, filter.shape);
  const { batchSize, inHeight: H, inWidth: W, inChannels: CI, outChannels: CO } = info;
  const { outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  // Past the watchdog bound: batch chunks, one dispatch each.
  const chunk = imagesPerDispatch(H * W * CI * KH * KW * CO);
  if (chunk < batchSize)
    return splitBatch(
      gpu,
      [dy],
      chunk,
      'concat',
      ([part]) =>
        conv2dBackpropInput({
          inputs: { dy: part, filter },
          backend,
          attrs: { ...attrs, inputShape: [part.shape[0], ...inputShape.slice(1)] },
        }) as TensorInfo,
    );
  const { strideHeight: SH, strideWidth: SW } = info;
  const { top: PT, left: PL } = info.padInfo;

  // vec4 loads when Co % 4 = 0: co..co+3 (four consecutive k, one tap) are one aligned vec4 of
  // both dy and W.
  const vec4 = CO % 4 === 0;
  const program = tiledGemmProgram({
    name: `convDX_${H}_${W}_${CI}_${KH}_${KW}_${SH}_${SW}_${PT}_${PL}_${OH}_${OW}_${CO}`,
    M: batchSize * H * W,
    N: CI,
    K: KH * KW * CO,
    splits: 1,
    variableNames: ['dyIn', 'wIn'],
    // A[m, k] = dy of the output pixel that tap (i, j) of pixel m lands on; 0 when between
    // strides or outside dy.
    // (loadA4: A[m, k..k+3].)
    loadA: `
      fn loadA${vec4 ? '4' : ''}(m : i32, k : i32) -> ${vec4 ? 'vec4<f32>' : 'f32'} {
        let co = k % ${CO};
        let tap = k / ${CO};
        let w = m % ${W};
        let nh = m / ${W};
        let ty = nh % ${H} + ${PT} - tap / ${KW};
        let tx = w + ${PL} - tap % ${KW};
        if (ty < 0 || tx < 0) {
          return ${vec4 ? 'vec4<f32>(0.0)' : '0.0'};
        }
        let oy = ty / ${SH};
        let ox = tx / ${SW};
        if (oy * ${SH} != ty || ox * ${SW} != tx || oy >= ${OH} || ox >= ${OW}) {
          return ${vec4 ? 'vec4<f32>(0.0)' : '0.0'};
        }
        let i = (((nh / ${H}) * ${OH} + oy) * ${OW} + ox) * ${CO} + co;
        return dyIn[${vec4 ? 'i / 4' : 'i'}];
      }`,
    // B[k, ci] = W[i, j, ci, co] with k = (i·kw + j)·Co + co (loadB4: B[k..k+3, ci]).
    loadB: `
      fn loadB${vec4 ? '4' : ''}(k : i32, n : i32) -> ${vec4 ? 'vec4<f32>' : 'f32'} {
        let i = ((k / ${CO}) * ${CI} + n) * ${CO} + k % ${CO};
        return wIn[${vec4 ? 'i / 4' : 'i'}];
      }`,
    // co (part of k) is the contiguous index of both dy and W.
    aOrder: 'k',
    bOrder: 'k',
    aVec4: vec4,
    bVec4: vec4,
    outputShape: inputShape,
  });
  return gpu.runWebGPUProgram(program, [dy, filter], 'float32');
};

export const conv2dBackpropInputConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropInput,
};
