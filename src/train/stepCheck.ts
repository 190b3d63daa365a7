// One whole training step of a model at a small batch, as a self-test case: the GPU's result is
// compared with WebAssembly's (runtime/selfTest.ts) before a preset and its toggles first train
// on the GPU — the run's own layers, so the step compiles the shaders the run then reuses.
// Dropout is off (wasm has no HashDropout, so its masks would differ; that kernel has a case of
// its own in kernels/webgpu/selfTestCases.ts).
//
// Outputs: [2] loss and top-1 hits, then each variable's velocity after the step, which is the
// update itself (v starts at 0: v = −λε·w − ε·g); variables over 2^18 elements are sampled at a
// stride, so that the paper preset's FC weights are not all read back.
// Tolerance 1e-3: float32 through eight layers in other summation orders (the small net's test
// in kernels/webgpu/index.test.ts holds 1e-4 on SwiftShader; a hardware GPU gets 10×).
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig, OptimizerSettings } from '../shared/types';
import { size, values } from '../shared/closeness';
import { createModel } from '../model/build';
import { buildSpec } from '../model/spec';
import { createSgdState, disposeSgdState } from './sgd';
import { trainStep } from './step';

const BATCH = 2;
const SAMPLED = 2 ** 18;

export interface StepCase {
  name: string;
  preset: ModelConfig['preset'];
  batch: number;
  tolerance: number;
  run: () => tf.Tensor[];
}

/** The case for `config` (its preset and toggles); `key` names it in the self-test's cache. */
export function stepCase(config: ModelConfig): StepCase & { key: string } {
  const spec = buildSpec({ ...config, dropout: false });
  const input = spec.layers[0] as { height: number; width: number; channels: number };
  const shape: [number, number, number, number] = [BATCH, input.height, input.width, input.channels];
  return {
    name: `training step, ${config.preset} preset, batch ${BATCH}`,
    preset: config.preset,
    batch: BATCH,
    key: `step ${JSON.stringify({ ...config, dropout: false })}`,
    tolerance: 1e-3,
    run: () =>
      stepOutputs(
        config,
        null,
        tf.tensor4d(values(size(shape), 3), shape),
        tf.tensor1d([3, 8], 'int32'),
        0.01,
        {
          momentum: 0.9,
          weightDecay: 5e-4,
        },
      ),
  };
}

/** Where a run stood when its loss kept rising: its weights, a batch of its images, its step size. */
export interface RunPoint {
  /** One array per model variable, in model.variables order. */
  weights: Float32Array[];
  /** [n, h, w, c] normalised images and their labels, as the run's steps take them. */
  images: Float32Array;
  shape: [number, number, number, number];
  labels: Int32Array;
  learningRate: number;
  optimizer: Pick<OptimizerSettings, 'momentum' | 'weightDecay'>;
}

/**
 * The run's next step from where it stood (dropout off), as a case: equal on the GPU and on
 * WebAssembly means the CPU would have taken the same steps, so a rising loss is the settings'.
 */
export function stepCaseAt(config: ModelConfig, at: RunPoint): StepCase {
  return {
    name: `the run's step at its weights, ${config.preset} preset, batch ${at.shape[0]}`,
    preset: config.preset,
    batch: at.shape[0],
    tolerance: 1e-3,
    run: () =>
      stepOutputs(
        config,
        at.weights,
        tf.tensor4d(at.images, at.shape),
        tf.tensor1d(at.labels, 'int32'),
        at.learningRate,
        at.optimizer,
      ),
  };
}

/** [loss and hits, then each variable's update]: a fresh model (or one holding `weights`), one step. */
function stepOutputs(
  config: ModelConfig,
  weights: Float32Array[] | null,
  x: tf.Tensor4D,
  y: tf.Tensor1D,
  lr: number,
  opt: Pick<OptimizerSettings, 'momentum' | 'weightDecay'>,
): tf.Tensor[] {
  const model = createModel(buildSpec({ ...config, dropout: false }), 5);
  const sgd = createSgdState(model.variables);
  try {
    if (weights) model.variables.forEach((v, i) => v.assign(tf.tensor(weights[i], v.shape)));
    const out = trainStep(model, sgd, x, y, lr, opt, 1);
    const updates = model.variables.map((w) => {
      const v = sgd.velocity.get(w.name)!.flatten();
      return v.size > SAMPLED ? tf.stridedSlice(v, [0], [v.size], [Math.ceil(v.size / SAMPLED)]) : v.clone();
    });
    return [out, ...updates];
  } finally {
    disposeSgdState(sgd);
    model.dispose();
  }
}
