// Shapes, parameter counts and multiply-adds computed from the spec alone (no TF.js), for the
// layer table. Sizes follow TF 'valid' arithmetic: out = floor((in + 2·pad − k) / stride) + 1.
import type { LayerShape, LayerSpec, ModelSpec } from '../shared/types';

export interface ShapeOptions {
  /**
   * Side of the square image that reaches C1: replaces the `resize` target if the spec has one,
   * else the input size. `224` shows why the paper's stated input size does not fit C1.
   */
  imageSize?: number;
}

/** (in + 2·pad − k) / stride + 1, unrounded. */
function slide(input: number, kernel: number, stride: number, pad: number): number {
  return (input + 2 * pad - kernel) / stride + 1;
}

/**
 * One row per entry, in order. A conv whose sliding does not fit exactly keeps the fractional
 * size in `outShape` (e.g. 54.25) and sets `fractional`; the entries after it continue from the
 * floored size, which is what TF computes. Max-pool floors in `outShape` (TF 'valid' drops the
 * incomplete last window) and sets `fractional` when it had to.
 * `macs` counts the multiply-adds of conv and dense layers only (LRN, pooling and activations
 * are element-wise and cost far less).
 */
export function computeShapes(spec: ModelSpec, options: ShapeOptions = {}): LayerShape[] {
  const rows: LayerShape[] = [];
  // The shape the next entry receives (always whole numbers, as in TF).
  let cur: number[] = [];
  const hasResize = spec.layers.some((l) => l.kind === 'resize');
  for (const layer of spec.layers) {
    const row = shapeOf(layer, cur, hasResize ? undefined : options.imageSize, options.imageSize);
    rows.push(row);
    cur = row.outShape.map(Math.floor);
  }
  return rows;
}

/** The table for another image size at C1 (see ShapeOptions.imageSize). */
export function shapesForInput(spec: ModelSpec, imageSize: number): LayerShape[] {
  return computeShapes(spec, { imageSize });
}

function shapeOf(layer: LayerSpec, inShape: number[], inputSize?: number, resizeSize?: number): LayerShape {
  const base = { name: layer.name, kind: layer.kind, fractional: false, params: 0, macs: 0 };
  switch (layer.kind) {
    case 'input': {
      const h = inputSize ?? layer.height;
      const w = inputSize ?? layer.width;
      return { ...base, outShape: [h, w, layer.channels] };
    }
    case 'resize': {
      const h = resizeSize ?? layer.height;
      const w = resizeSize ?? layer.width;
      return { ...base, outShape: [h, w, inShape[2]] };
    }
    case 'conv': {
      const [h, w, c] = inShape;
      const oh = slide(h, layer.kernel, layer.stride, layer.pad);
      const ow = slide(w, layer.kernel, layer.stride, layer.pad);
      // Each filter sees only c / groups input channels: grouping divides the weights.
      const fanIn = layer.kernel * layer.kernel * (c / layer.groups);
      return {
        ...base,
        outShape: [oh, ow, layer.filters],
        fractional: !Number.isInteger(oh) || !Number.isInteger(ow),
        params: fanIn * layer.filters + layer.filters,
        macs: Math.floor(oh) * Math.floor(ow) * layer.filters * fanIn,
      };
    }
    case 'maxpool': {
      const [h, w, c] = inShape;
      const oh = slide(h, layer.size, layer.stride, 0);
      const ow = slide(w, layer.size, layer.stride, 0);
      return {
        ...base,
        outShape: [Math.floor(oh), Math.floor(ow), c],
        fractional: !Number.isInteger(oh) || !Number.isInteger(ow),
      };
    }
    case 'flatten':
      return { ...base, outShape: [inShape.reduce((a, b) => a * b, 1)] };
    case 'dense': {
      const fanIn = inShape[0];
      return {
        ...base,
        outShape: [layer.units],
        params: fanIn * layer.units + layer.units,
        macs: fanIn * layer.units,
      };
    }
    case 'activation':
    case 'lrn':
    case 'dropout':
      return { ...base, outShape: [...inShape] };
  }
}

/** Sums over the table: trainable parameters and forward multiply-adds per image. */
export function totals(shapes: LayerShape[]): { params: number; macs: number } {
  let params = 0;
  let macs = 0;
  for (const s of shapes) {
    params += s.params;
    macs += s.macs;
  }
  return { params, macs };
}
