// Conv2D (the forward convolution) and FusedConv2D (the same plus bias and activation) for the
// webgpu backend as one implicit GEMM on tiledGemm.ts:
//   y[n, oy, ox, co] = Σ_{i, j, ci} xPad[n, oy·sh + i, ox·sw + j, ci] · W[i, j, ci, co]
//   rows m = (n·oh + oy)·ow + ox  (M = batch·oh·ow),  columns co (N = Co),
//   reduction k = (i·kw + j)·Ci + ci  (K = kh·kw·Ci),
// so B[k, co] is W [kh, kw, Ci, Co] as it lies in memory and C[m, co] is y [batch, oh, ow, Co].
// A gathers x in place (implicit im2col: zero in the padding); M is large, so no split-K, and
// FusedConv2D's bias and activation run in the GEMM's epilogue, on the value before its store.
//
// Anything else (NCHW, dilations, activations other than linear/relu/sigmoid, a bias that is not
// per channel or scalar, prelu weights) goes to the stock kernel captured at import.
import { getKernel, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
// The stock kernels must be registered before they are captured below.
import '@tensorflow/tfjs-backend-webgpu';
import { conv2DInfo, isNchw } from '../common/kernelAttrs';
import { loadXUnderTapWgsl } from './loadXUnderTap';
import { rowMajorLoadB, tiledGemmProgram } from './tiledGemm';
import { imagesPerDispatch, splitBatch } from './batchSplit';

const stockConv2D = getKernel('Conv2D', 'webgpu');
const stockFusedConv2D = getKernel('FusedConv2D', 'webgpu');

/** WGSL of each activation we fuse, applied to `v`: the ones the app's inference fuses. */
const ACTIVATIONS: Record<string, string> = {
  linear: 'v',
  relu: 'max(v, 0.0)',
  sigmoid: '1.0 / (1.0 + exp(-v))',
};

const isUndilated = (dilations: unknown) =>
  dilations === undefined || (Array.isArray(dilations) ? dilations.every((d) => d === 1) : dilations === 1);

/** Epilogue of the fused kernel: what the GEMM adds to and applies to each output. */
interface Fused {
  /** 'channel' = bias [Co] (bias[co]); 'scalar' = a one-element bias. */
  bias?: 'channel' | 'scalar';
  activation: string;
}

/**
 * x [batch, H, W, Ci], filter W [kh, kw, Ci, Co] (NHWC, undilated), optional bias.
 * @returns y [batch, oh, ow, Co]
 */
function convGemm(
  gpu: WebGPUBackend,
  x: TensorInfo,
  filter: TensorInfo,
  attrs: Parameters<KernelFunc>[0]['attrs'],
  bias: TensorInfo | undefined,
  fused: Fused | undefined,
): TensorInfo {
  const info = conv2DInfo('Conv2D (webgpu, ours)', attrs, x.shape, filter.shape);
  const { batchSize, inHeight: H, inWidth: W, inChannels: CI, outChannels: CO } = info;
  const { outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  // Past the watchdog bound: batch chunks, one dispatch each.
  const chunk = imagesPerDispatch(OH * OW * CO * KH * KW * CI);
  if (chunk < batchSize)
    return splitBatch(gpu, [x], chunk, 'concat', ([xs]) => convGemm(gpu, xs, filter, attrs, bias, fused));
  const { strideHeight: SH, strideWidth: SW } = info;
  const { top: PT, left: PL } = info.padInfo;
  const epilogue =
    fused &&
    `
      fn epilogue(value : f32, n : i32) -> f32 {
        let v = value${fused.bias === 'channel' ? ' + biasIn[n]' : fused.bias === 'scalar' ? ' + biasIn[0]' : ''};
        return ${ACTIVATIONS[fused.activation]};
      }`;
  // vec4 loads where four neighbours along the contiguous index lie in one aligned vec4: ci in x
  // when Ci % 4 = 0 (ci..ci+3 then share a tap), co in W when Co % 4 = 0.
  const aVec4 = CI % 4 === 0;
  const bVec4 = CO % 4 === 0;
  const program = tiledGemmProgram({
    name:
      `conv_${H}_${W}_${CI}_${KH}_${KW}_${SH}_${SW}_${PT}_${PL}_${OH}_${OW}` +
      (fused ? `_${fused.bias ?? 'nobias'}_${fused.activation}` : ''),
    M: batchSize * OH * OW,
    N: CO,
    K: KH * KW * CI,
    splits: 1,
    variableNames: bias ? ['xIn', 'wIn', 'biasIn'] : ['xIn', 'wIn'],
    // A[m, k] = x under tap (i, j), channel ci, of output pixel m; 0 in the padding.
    // (loadA4: A[m, k..k+3] from xIn viewed as vec4s.)
    loadA: loadXUnderTapWgsl({ H, W, CI, OH, OW, KW, SH, SW, PT, PL }, 'm', aVec4),
    // B[k, co] = W viewed as [K, Co] (loadB4: B[k, n..n+3]).
    loadB: rowMajorLoadB('wIn', CO, bVec4),
    // ci (and, within a filter row, j with it) is contiguous in x along k; co in W along n.
    aOrder: 'k',
    bOrder: 'outer',
    aVec4,
    bVec4,
    outputShape: info.outShape,
    epilogue,
  });
  return gpu.runWebGPUProgram(program, bias ? [x, filter, bias] : [x, filter], 'float32');
}

const conv2d: KernelFunc = (args) => {
  const { inputs, backend, attrs } = args;
  if (isNchw(attrs) || !isUndilated(attrs?.dilations)) return stockConv2D!.kernelFunc(args);
  const { x, filter } = inputs as { x: TensorInfo; filter: TensorInfo };
  return convGemm(backend as WebGPUBackend, x, filter, attrs, undefined, undefined);
};

const fusedConv2d: KernelFunc = (args) => {
  const { inputs, backend, attrs } = args;
  const { x, filter, bias, preluActivationWeights } = inputs as Record<string, TensorInfo | undefined>;
  const activation = (attrs?.activation as string | undefined) ?? 'linear';
  const CO = filter!.shape[3];
  const biasSize = bias ? bias.shape.reduce((a, b) => a * b, 1) : 0;
  // [Co] or [1, 1, 1, Co] is per channel; any other broadcast goes to stock.
  const perChannel = biasSize === CO && bias?.shape[bias.shape.length - 1] === CO;
  const biasKind = !bias ? undefined : perChannel ? 'channel' : biasSize === 1 ? 'scalar' : null;
  if (
    isNchw(attrs) ||
    !isUndilated(attrs?.dilations) ||
    preluActivationWeights ||
    !(activation in ACTIVATIONS) ||
    biasKind === null
  )
    return stockFusedConv2D!.kernelFunc(args);
  return convGemm(backend as WebGPUBackend, x!, filter!, attrs, bias, { bias: biasKind, activation });
};

export const conv2dConfig: KernelConfig = {
  kernelName: 'Conv2D',
  backendName: 'webgpu',
  kernelFunc: conv2d,
};

export const fusedConv2dConfig: KernelConfig = {
  kernelName: 'FusedConv2D',
  backendName: 'webgpu',
  kernelFunc: fusedConv2d,
};
