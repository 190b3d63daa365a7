// One SGD step: forward with dropout, softmax cross-entropy, gradients, the paper's update.
// Shared by the training loop and the benchmarks, so the bench times exactly what users run.

import * as tf from '@tensorflow/tfjs';
import { NUM_CLASSES, type OptimizerSettings } from '../shared/types';
import type { TrainableModel } from '../model/build';
import { countTopK, crossEntropy } from './metrics';
import { sgdStep, type SgdState } from './sgd';

/**
 * Runs one step on x [N, 32, 32, 3] (normalised) and y [N] (int32) and returns a [2] tensor:
 * the batch's mean loss and its number of top-1 hits. Every intermediate is freed here.
 */
export function trainStep(
  model: TrainableModel,
  sgd: SgdState,
  x: tf.Tensor4D,
  y: tf.Tensor1D,
  lr: number,
  opt: Pick<OptimizerSettings, 'momentum' | 'weightDecay'>,
  dropoutSeed: number,
): tf.Tensor1D {
  return tf.tidy(() => {
    let correct: tf.Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const logits = model.forward(x, { training: true, dropoutSeed });
      // Kept past variableGrads' own scope; disposed below once stacked.
      correct = tf.keep(countTopK(logits, y, 1).toFloat());
      return crossEntropy(logits, y, NUM_CLASSES);
    }, model.variables);
    sgdStep(sgd, model.variables, grads, lr, opt.momentum, opt.weightDecay);
    const both = tf.stack([value, correct!]) as tf.Tensor1D;
    (correct as tf.Scalar | null)?.dispose();
    return both;
  });
}
