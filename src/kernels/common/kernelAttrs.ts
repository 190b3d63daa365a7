// The attrs of tf's Conv2DBackpropFilter, Conv2DBackpropInput and MaxPoolGrad kernels, read into
// the geometry tfjs computes for the forward op (backend_util.Conv2DInfo: sizes, strides and
// padInfo after 'same'/'valid'/explicit padding and dimRoundingMode). Every replacement kernel,
// wasm and webgpu, starts from it. Dilation is always 1: tf registers these gradients only for
// undilated convolutions and pools.
import { backend_util, type NamedAttrMap } from '@tensorflow/tfjs-core';

type Shape4 = [number, number, number, number];

interface ConvAttrs {
  strides: [number, number] | number;
  pad: Parameters<typeof backend_util.computeConv2DInfo>[4];
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: Parameters<typeof backend_util.computePool2DInfo>[4];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Conv attrs for NCHW tensors, which none of our kernels index. */
export const isNchw = (attrs: NamedAttrMap | undefined): boolean =>
  (attrs as unknown as ConvAttrs).dataFormat === 'NCHW';

/**
 * The forward convolution's geometry for x [N, H, W, Cin] and filter [kh, kw, Cin, Cout].
 * Throws for NCHW attrs, naming `kernel` (callers with a stock fallback test isNchw first).
 */
export function conv2DInfo(
  kernel: string,
  attrs: NamedAttrMap | undefined,
  xShape: readonly number[],
  filterShape: readonly number[],
): backend_util.Conv2DInfo {
  const { strides, pad, dimRoundingMode } = attrs as unknown as ConvAttrs;
  if (isNchw(attrs)) throw new Error(`${kernel}: only NHWC is supported`);
  return backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
}

/** The forward max-pool's geometry for x [N, H, W, C] (MaxPoolGrad has no dataFormat: NHWC). */
export function pool2DInfo(
  attrs: NamedAttrMap | undefined,
  xShape: readonly number[],
): backend_util.Conv2DInfo {
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as PoolAttrs;
  return backend_util.computePool2DInfo(xShape as Shape4, filterSize, strides, 1, pad, dimRoundingMode);
}

/** The attrs of tf's LRN and LRNGrad kernels (alpha not divided by the window size). */
export interface LrnAttrs {
  depthRadius: number;
  bias: number;
  alpha: number;
  beta: number;
}

/** Reads LRN/LRNGrad attrs into a plain object (the engine's attr map is loosely typed). */
export function lrnAttrsOf(attrs: unknown): LrnAttrs {
  const { depthRadius, bias, alpha, beta } = attrs as LrnAttrs;
  return { depthRadius, bias, alpha, beta };
}
