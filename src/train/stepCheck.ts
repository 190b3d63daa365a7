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
import type { ModelConfig } from '../shared/types';
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
    run: () => {
      const model = createModel(spec, 5);
      const sgd = createSgdState(model.variables);
      try {
        const x = tf.tensor4d(values(size(shape), 3), shape);
        const y = tf.tensor1d([3, 8], 'int32');
        const out = trainStep(model, sgd, x, y, 0.01, { momentum: 0.9, weightDecay: 5e-4 }, 1);
        const updates = model.variables.map((w) => {
          const v = sgd.velocity.get(w.name)!.flatten();
          return v.size > SAMPLED
            ? tf.stridedSlice(v, [0], [v.size], [Math.ceil(v.size / SAMPLED)])
            : v.clone();
        });
        return [out, ...updates];
      } finally {
        disposeSgdState(sgd);
        model.dispose();
      }
    },
  };
}
