// Conv2DBackpropFilter (the convolution weight gradient) for the webgpu backend as one implicit
// GEMM: dW[i, j, ci, co] = Σ_{n, y, x} xPad[n, y·s + i, x·s + j, ci] · dy[n, y, x, co], i.e.
//   rows m = (i·kw + j)·Ci + ci  (M = kh·kw·Ci),  columns co (N = Co),
//   reduction k = (n·oh + y)·ow + x  (K = batch·oh·ow, the long one).
// Stock tfjs-webgpu gives each output element one thread that walks all of K alone. Here K is
// tiled through workgroup memory and, because M·N is small next to K (a few dozen tiles for a
// whole layer), cut into slices (split-K) so that the GPU gets enough workgroups; a second pass
// sums the slices.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { conv2DInfo } from '../common/kernelAttrs';
import { splitKReduceProgram } from './splitKReduce';
import { imagesPerDispatch, splitBatch } from './batchSplit';
import { loadXUnderTapWgsl } from './loadXUnderTap';
import { chooseTile, rowMajorLoadB, sliceLength, tiledGemmProgram, type TileSize } from './tiledGemm';

/**
 * 64×64 workgroups to aim for: a few per compute unit of a large GPU (an H100 has 132). A
 * 128-tile does the work of four, so a quarter as many of those.
 */
const TARGET_WORKGROUPS = 1024;
/** A K slice shorter than this spends more on its partial sums than it saves. */
const MIN_SLICE = 256;
const MAX_SPLITS = 64;

/** Number of K slices for an M×N×K weight gradient in `tile`-tiles (1 = no split, no second pass). */
export function chooseSplits(M: number, N: number, K: number, tile: TileSize = 64): number {
  const tiles = Math.ceil(M / tile) * Math.ceil(N / tile);
  const wanted = Math.ceil((TARGET_WORKGROUPS * (64 / tile) ** 2) / tiles);
  const most = Math.max(1, Math.min(MAX_SPLITS, Math.floor(K / MIN_SLICE)));
  const splits = Math.max(1, Math.min(wanted, most));
  // Slices are whole tile-depth steps: recount so that none is empty.
  return Math.ceil(K / sliceLength(K, splits, tile));
}

/**
 * inputs x [batch, H, W, Ci], dy [batch, oh, ow, Co]; attrs as tf's Conv2DBackpropFilter.
 * @returns dW [kh, kw, Ci, Co]
 */
const conv2dBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { filterShape } = attrs as unknown as { filterShape: [number, number, number, number] };
  const info = conv2DInfo('Conv2DBackpropFilter (webgpu, ours)', attrs, x.shape, filterShape);
  const { batchSize, inHeight: H, inWidth: W, inChannels: CI, outChannels: CO } = info;
  const { outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = info;
  const { strideHeight: SH, strideWidth: SW } = info;
  const { top: PT, left: PL } = info.padInfo;
  const M = KH * KW * CI;
  const N = CO;
  // Past the watchdog bound: batch chunks, one GEMM each (split-K slices are one dispatch),
  // their gradients summed.
  const chunk = imagesPerDispatch(M * N * OH * OW);
  if (chunk < batchSize)
    return splitBatch(
      gpu,
      [x, dy],
      chunk,
      'sum',
      ([xs, dys]) => conv2dBackpropFilter({ inputs: { x: xs, dy: dys }, backend, attrs }) as TensorInfo,
    );
  const K = batchSize * OH * OW;
  const tile = chooseTile(M, N, true);
  const splits = chooseSplits(M, N, K, tile);

  // vec4 loads of x when Ci % 4 = 0 (ci..ci+3, four consecutive m, share a tap) and of dy when
  // Co % 4 = 0.
  const aVec4 = CI % 4 === 0;
  const bVec4 = CO % 4 === 0;
  const program = tiledGemmProgram({
    name: `convDW_${H}_${W}_${CI}_${KH}_${KW}_${SH}_${SW}_${PT}_${PL}_${OH}_${OW}`,
    M,
    N,
    K,
    splits,
    tile,
    variableNames: ['xIn', 'dyIn'],
    // A[m, k] = x at filter tap (i, j), input channel ci, under output pixel k; 0 in the padding.
    // (loadA4: A[m..m+3, k].)
    loadA: loadXUnderTapWgsl({ H, W, CI, OH, OW, KW, SH, SW, PT, PL }, 'k', aVec4),
    // B[k, co] = dy viewed as [K, Co]: already the right matrix (loadB4: B[k, n..n+3]).
    loadB: rowMajorLoadB('dyIn', CO, bVec4),
    // ci is contiguous in x and co in dy: consecutive threads take consecutive m and n.
    aOrder: 'outer',
    bOrder: 'outer',
    aVec4,
    bVec4,
    outputShape: splits === 1 ? filterShape : [splits, M, N],
  });
  const out = gpu.runWebGPUProgram(program, [x, dy], 'float32');
  if (splits === 1) return out;
  const sum = gpu.runWebGPUProgram(splitKReduceProgram(splits, filterShape), [out], 'float32');
  gpu.disposeData(out.dataId);
  return sum;
};

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'webgpu',
  kernelFunc: conv2dBackpropFilter,
};
