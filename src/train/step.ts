// One SGD step: forward with dropout, softmax cross-entropy, gradients, the paper's update.
// Shared by the training loop and the benchmarks, so the bench times exactly what users run.

import * as tf from '@tensorflow/tfjs-core';
import { NUM_CLASSES, type OptimizerSettings } from '../shared/types';
import type { TrainableModel } from '../model/build';
import { countTopK, crossEntropy } from './metrics';
import { sgdStep, type SgdState } from './sgd';

/**
 * Wall time of each phase, filled in by trainStep when given. On synchronous backends (wasm,
 * cpu) kernels run as they are called, so these are the phases' real costs; on webgpu/webgl
 * they are the time to queue the work, and the GPU's own time is spent waiting for the result.
 */
export interface StepTiming {
  /** Forward pass, loss and top-1 count (inside variableGrads' function). */
  forwardMs: number;
  /** The rest of variableGrads: the gradients. */
  backwardMs: number;
  /** Weight decay, momentum and the weight update. */
  updateMs: number;
}

/**
 * The per-layer finite check's layout (train/guard.ts reads it): which spec entries' outputs are
 * summed (all but the input, a copy of x, and flatten, a reshape of the entry before it).
 */
export function checkedEntries(model: TrainableModel): string[] {
  return model.spec.layers.filter((l) => l.kind !== 'input' && l.kind !== 'flatten').map((l) => l.name);
}

/**
 * Runs one step on x [N, 32, 32, 3] (normalised) and y [N] (int32) and returns a [2] tensor:
 * the batch's mean loss and its number of top-1 hits. Every intermediate is freed here.
 * With `check`, the tensor goes on (same readback, no extra sync) with the guard's per-tensor
 * sums: V sums of the variables before the update (model.variables' order), then one sum per
 * checkedEntries() output, then V sums of the gradients: [2 + 2V + E]. A sum is non-finite iff
 * some element is (or it overflows float32, which for these tensors is garbage too).
 */
export function trainStep(
  model: TrainableModel,
  sgd: SgdState,
  x: tf.Tensor4D,
  y: tf.Tensor1D,
  lr: number,
  opt: Pick<OptimizerSettings, 'momentum' | 'weightDecay'>,
  dropoutSeed: number,
  timing?: StepTiming,
  check = false,
): tf.Tensor1D {
  return tf.tidy(() => {
    let correct: tf.Scalar | null = null;
    // Queued before the update, so they read the weights the step started from.
    const weightSums = check ? model.variables.map((v) => tf.sum(v)) : [];
    const activationSums: tf.Scalar[] = [];
    const t0 = performance.now();
    let t1 = t0;
    const { value, grads } = tf.variableGrads(() => {
      let logits: tf.Tensor2D;
      if (check) {
        const out = model.forwardWithActivations(x, { training: true, dropoutSeed });
        logits = out.logits;
        for (const a of out.activations)
          if (a.kind !== 'input' && a.kind !== 'flatten') activationSums.push(tf.keep(tf.sum(a.tensor)));
      } else {
        logits = model.forward(x, { training: true, dropoutSeed });
      }
      // Kept past variableGrads' own scope; disposed below once stacked.
      correct = tf.keep(countTopK(logits, y, 1).toFloat());
      const loss = crossEntropy(logits, y, NUM_CLASSES);
      t1 = performance.now();
      return loss;
    }, model.variables);
    const t2 = performance.now();
    const gradSums = check ? model.variables.map((v) => tf.sum(grads[v.name])) : [];
    sgdStep(sgd, model.variables, grads, lr, opt.momentum, opt.weightDecay);
    if (timing) {
      timing.forwardMs = t1 - t0;
      timing.backwardMs = t2 - t1;
      timing.updateMs = performance.now() - t2;
    }
    const both = tf.stack([value, correct!, ...weightSums, ...activationSums, ...gradSums]) as tf.Tensor1D;
    (correct as tf.Scalar | null)?.dispose();
    activationSums.forEach((t) => t.dispose());
    return both;
  });
}
