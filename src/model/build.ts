// Spec → trainable TF.js model: one kernel and one bias variable per conv/dense entry, and a
// forward pass that applies the entries in order.
import * as tf from '@tensorflow/tfjs-core';
import type { LayerKind, ModelSpec } from '../shared/types';
import { deriveSeed, initialKernel } from './init';
import { applyFusedLayer, applyLayer, isFusable, type LayerVars } from './layers';
import { computeShapes } from './shapes';

/** One variable and where it belongs. */
export interface ModelParam {
  layer: string;
  role: 'kernel' | 'bias';
  variable: tf.Variable;
}

export interface ForwardOptions {
  /** Dropout is active only when training. */
  training: boolean;
  /** Seed of the step's dropout masks (each dropout entry adds its own offset). */
  dropoutSeed?: number;
}

/** One entry's output from forwardWithActivations: [N, H, W, C] or [N, units]. */
export interface LayerActivation {
  name: string;
  kind: LayerKind;
  tensor: tf.Tensor;
}

export interface TrainableModel {
  spec: ModelSpec;
  /** Kernels and biases in layer order, named `<model>/<layer>/kernel|bias`. */
  variables: tf.Variable[];
  /** The same variables with their layer and role (e.g. weight decay on kernels only). */
  params: ModelParam[];
  /**
   * Logits. Intermediates are disposed; the result is the caller's.
   * @param x [N, 32, 32, 3] float32, already normalised
   * @returns [N, 10]
   */
  forward(x: tf.Tensor4D, opts: ForwardOptions): tf.Tensor2D;
  /**
   * Every entry's output (input included) in one pass, for feature-map views. All returned
   * tensors are the caller's to dispose (or call inside tf.tidy and keep what is needed).
   * Default: inference (no dropout).
   */
  forwardWithActivations(
    x: tf.Tensor4D,
    opts?: ForwardOptions,
  ): { logits: tf.Tensor2D; activations: LayerActivation[] };
  dispose(): void;
}

export interface CreateOptions {
  /** 'zeros' skips the random draw (58 M numbers for the paper preset, ~2 s): for loading saved weights or shape checks. */
  init?: 'random' | 'zeros';
}

// tf.variable names are global to the engine: a counter keeps two models apart.
let modelCount = 0;

/** Builds the variables (seeded: the same seed gives the same initial weights) and the forward pass. */
export function createModel(spec: ModelSpec, seed: number, options: CreateOptions = {}): TrainableModel {
  const prefix = `alexnet${modelCount++}`;
  const shapes = computeShapes(spec);
  const vars = new Map<string, LayerVars>();
  const params: ModelParam[] = [];
  let index = 0;
  spec.layers.forEach((layer, i) => {
    if (layer.kind !== 'conv' && layer.kind !== 'dense') return;
    // The input of entry i is the (floored) output of entry i − 1.
    const inShape = shapes[i - 1].outShape.map(Math.floor);
    const kernelShape =
      layer.kind === 'conv'
        ? [layer.kernel, layer.kernel, inShape[2] / layer.groups, layer.filters]
        : [inShape[0], layer.units];
    const fanIn = kernelShape.slice(0, -1).reduce((a, b) => a * b, 1);
    const units = kernelShape[kernelShape.length - 1];
    const kernelInit =
      options.init === 'zeros'
        ? tf.zeros(kernelShape)
        : initialKernel(kernelShape, layer.init, fanIn, deriveSeed(seed, index++));
    const kernel = tf.variable(kernelInit, true, `${prefix}/${layer.name}/kernel`);
    const biasInit = tf.fill([units], layer.biasInit);
    const bias = tf.variable(biasInit, true, `${prefix}/${layer.name}/bias`);
    // tf.variable keeps its own reference to the data: the initial tensors can go.
    tf.dispose([kernelInit, biasInit]);
    vars.set(layer.name, { kernel, bias });
    params.push(
      { layer: layer.name, role: 'kernel', variable: kernel },
      { layer: layer.name, role: 'bias', variable: bias },
    );
  });

  const run = (x: tf.Tensor4D, opts: ForwardOptions, keep: LayerActivation[] | null): tf.Tensor2D => {
    let h: tf.Tensor = x;
    // Inference without feature maps fuses each conv/dense entry with its bias and a following
    // relu or sigmoid (layers.ts: applyFusedLayer says why not in training).
    const fuse = !opts.training && !keep;
    for (let i = 0; i < spec.layers.length; i++) {
      const layer = spec.layers[i];
      if (fuse && (layer.kind === 'conv' || layer.kind === 'dense')) {
        const next = spec.layers[i + 1];
        const activation = next?.kind === 'activation' && isFusable(next.fn) ? next.fn : undefined;
        h = applyFusedLayer(layer, h, vars.get(layer.name), activation);
        if (activation) i++;
        continue;
      }
      const dropoutSeed = opts.dropoutSeed === undefined ? undefined : opts.dropoutSeed + i;
      h = applyLayer(layer, h, vars.get(layer.name), { training: opts.training, dropoutSeed });
      // The input entry returns x itself; a clone lets the caller dispose every activation.
      if (keep)
        keep.push({ name: layer.name, kind: layer.kind, tensor: layer.kind === 'input' ? tf.clone(h) : h });
    }
    return h as tf.Tensor2D;
  };

  return {
    spec,
    variables: params.map((p) => p.variable),
    params,
    forward: (x, opts) => tf.tidy(() => run(x, opts, null)),
    forwardWithActivations: (x, opts = { training: false }) => {
      const activations: LayerActivation[] = [];
      const logits = run(x, opts, activations);
      return { logits, activations };
    },
    dispose: () => params.forEach((p) => p.variable.dispose()),
  };
}

/** Number of trainable values TF.js holds for the model (to compare with totals()). */
export function countTfParams(model: TrainableModel): number {
  return model.variables.reduce((s, v) => s + v.size, 0);
}
