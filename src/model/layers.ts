// One function per entry kind: how an entry turns its input into its output with plain TF.js ops
// (no tf.layers: it has no LRN, and plain ops keep grouped convs and seeded dropout explicit).
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, LayerSpec } from '../shared/types';
import { dropout } from './dropout';
import { lrn } from './lrn';

/** The variables of one conv or dense entry. */
export interface LayerVars {
  /** [k, k, cIn / groups, filters] or [fanIn, units]. */
  kernel: tf.Variable;
  /** [filters] or [units]. */
  bias: tf.Variable;
}

export interface ApplyOptions {
  training: boolean;
  /** Seed of this entry's dropout mask; undefined draws a fresh mask. */
  dropoutSeed?: number;
}

/**
 * Applies one entry. Input and output are [N, H, W, C] before flatten and [N, units] after.
 * Creates intermediate tensors: call inside tf.tidy.
 */
export function applyLayer(
  layer: LayerSpec,
  x: tf.Tensor,
  vars: LayerVars | undefined,
  opts: ApplyOptions,
): tf.Tensor {
  switch (layer.kind) {
    case 'input':
      return x;
    case 'resize':
      return tf.image.resizeBilinear(x as tf.Tensor4D, [layer.height, layer.width]);
    case 'conv':
      return tf.add(
        conv(x as tf.Tensor4D, need(vars, layer.name).kernel as tf.Tensor4D, layer),
        need(vars, layer.name).bias,
      );
    case 'activation':
      return activate(x, layer.fn);
    case 'lrn':
      return lrn(x as tf.Tensor4D, layer);
    case 'maxpool':
      // 'valid' floors like the shape table: an incomplete last window is dropped.
      return tf.maxPool(x as tf.Tensor4D, layer.size, layer.stride, 'valid');
    case 'flatten':
      return tf.reshape(x, [x.shape[0], -1]);
    case 'dense':
      return tf.add(
        tf.matMul(x as tf.Tensor2D, need(vars, layer.name).kernel as tf.Tensor2D),
        need(vars, layer.name).bias,
      );
    case 'dropout':
      return opts.training ? dropout(x, layer.rate, opts.dropoutSeed) : x;
  }
}

/** Activations TF.js can fuse into a conv or matMul (it has no fused tanh). */
export type FusableActivation = 'relu' | 'sigmoid';

export function isFusable(fn: string): fn is FusableActivation {
  return fn === 'relu' || fn === 'sigmoid';
}

/**
 * Inference only: a conv or dense entry with its bias and (optionally) the activation entry that
 * follows, as one fused kernel (FusedConv2D / _FusedMatMul): one pass over the output instead of
 * three. Not used in training: inside a gradient tape tf.fused.* unfuses non-linear activations
 * anyway, and its custom gradient computes every input's gradient eagerly, including C1's input
 * gradient that the tape otherwise skips (a 227×227×3 transposed conv per step for nothing).
 * Grouped convs (two towers) keep the unfused path. Input/output shapes as in applyLayer.
 */
export function applyFusedLayer(
  layer: Extract<LayerSpec, { kind: 'conv' | 'dense' }>,
  x: tf.Tensor,
  vars: LayerVars | undefined,
  activation: FusableActivation | undefined,
): tf.Tensor {
  const { kernel, bias } = need(vars, layer.name);
  if (layer.kind === 'dense')
    return tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation });
  if (layer.groups !== 1) {
    const y = applyLayer(layer, x, vars, { training: false });
    return activation ? activate(y, activation) : y;
  }
  return tf.fused.conv2d({
    x: x as tf.Tensor4D,
    filter: kernel as tf.Tensor4D,
    strides: layer.stride,
    pad: paddingOf(layer),
    bias,
    activation,
  });
}

function activate(x: tf.Tensor, fn: Activation): tf.Tensor {
  return fn === 'relu' ? tf.relu(x) : fn === 'tanh' ? tf.tanh(x) : tf.sigmoid(x);
}

function need(vars: LayerVars | undefined, name: string): LayerVars {
  if (!vars) throw new Error(`no variables for layer ${name}`);
  return vars;
}

/**
 * Convolution with explicit zero padding (explicit pads floor like TF 'valid'; a bare number
 * would not round). groups = 2 splits input channels and filters into two towers and concatenates.
 * @param x [N, H, W, C]; kernel [k, k, C / groups, filters]
 */
function conv(x: tf.Tensor4D, kernel: tf.Tensor4D, layer: Extract<LayerSpec, { kind: 'conv' }>): tf.Tensor4D {
  const pad = paddingOf(layer);
  if (layer.groups === 1) return tf.conv2d(x, kernel, layer.stride, pad) as tf.Tensor4D;
  const xs = tf.split(x, layer.groups, 3);
  const ks = tf.split(kernel, layer.groups, 3);
  return tf.concat(
    xs.map((xi, i) => tf.conv2d(xi as tf.Tensor4D, ks[i] as tf.Tensor4D, layer.stride, pad)),
    3,
  );
}

type Padding = 'valid' | [[number, number], [number, number], [number, number], [number, number]];

function paddingOf(layer: Extract<LayerSpec, { kind: 'conv' }>): Padding {
  const p = layer.pad;
  return p === 0
    ? 'valid'
    : [
        [0, 0],
        [p, p],
        [p, p],
        [0, 0],
      ];
}
