// Top-k accuracy and loss over a batch, computed on the backend, plus a plain-JS reference.

import * as tf from '@tensorflow/tfjs-core';

/**
 * Counts how many rows of `logits` [N, C] have their label [N] (int32) among the top `k` scores.
 * Ties are broken as tf.topk breaks them (lower index first). Returns a scalar tensor.
 */
export function countTopK(logits: tf.Tensor2D, labels: tf.Tensor1D, k: number): tf.Scalar {
  return tf.tidy(() => {
    const { indices } = tf.topk(logits, k, true); // [N, k] int32
    const hit = tf.equal(indices, labels.expandDims(1)).any(1); // [N] bool
    return hit.cast('int32').sum() as tf.Scalar;
  });
}

/** Mean softmax cross-entropy of logits [N, C] against integer labels [N]. */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, numClasses: number): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, numClasses), logits) as tf.Scalar);
}

/**
 * Reference top-k count in plain JS: a label counts when fewer than k classes score strictly
 * higher than it, or equally high with a lower index (the same tie rule as tf.topk).
 */
export function countTopKReference(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  classes: number,
  k: number,
): number {
  let hits = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const s = scores[i * classes + label];
    let ahead = 0;
    for (let c = 0; c < classes; c++) {
      const v = scores[i * classes + c];
      if (v > s || (v === s && c < label)) ahead++;
    }
    if (ahead < k) hits++;
  }
  return hits;
}
