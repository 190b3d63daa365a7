// Loss, top-1 and top-5 error of a model on a set of images, in chunks that fit in memory.

import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../shared/dataset';
import { NUM_CLASSES } from '../shared/types';
import type { TrainableModel } from '../model/build';
import { makeBatch, type ChannelStats } from '../data/batches';
import { mirror } from '../data/augment';
import { countTopK, crossEntropy } from './metrics';

export interface EvalResult {
  loss: number;
  acc: number;
  top1Error: number;
  top5Error: number;
  count: number;
  /** Centre + mirror predictions averaged (softmax probabilities), when asked for. */
  tta?: { testAcc: number; top1Error: number; top5Error: number };
}

/** Evaluates on `indices` of `set` without dropout. `chunk` bounds the activations kept at once. */
export async function evaluate(
  model: TrainableModel,
  set: ImageSet,
  indices: ArrayLike<number>,
  stats: ChannelStats,
  chunk: number,
  tta = false,
): Promise<EvalResult> {
  let lossSum = 0;
  let top1 = 0;
  let top5 = 0;
  let ttaTop1 = 0;
  let ttaTop5 = 0;
  for (let start = 0; start < indices.length; start += chunk) {
    const size = Math.min(chunk, indices.length - start);
    const parts = tf.tidy(() => {
      const { x, y } = makeBatch(set, indices, start, size, stats);
      const logits = model.forward(x, { training: false });
      const counts = [
        crossEntropy(logits, y, NUM_CLASSES).mul(size),
        countTopK(logits, y, 1).toFloat(),
        countTopK(logits, y, 5).toFloat(),
      ];
      if (tta) {
        // Average of the class probabilities for the image and its mirror image.
        const probs = tf
          .softmax(logits)
          .add(tf.softmax(model.forward(mirror(x), { training: false }))) as tf.Tensor2D;
        counts.push(countTopK(probs, y, 1).toFloat(), countTopK(probs, y, 5).toFloat());
      }
      return tf.stack(counts);
    });
    const [l, t1, t5, a1 = 0, a5 = 0] = await parts.data();
    parts.dispose();
    lossSum += l;
    top1 += t1;
    top5 += t5;
    ttaTop1 += a1;
    ttaTop5 += a5;
    // Let pause/stop messages through between chunks of a long evaluation.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  const n = Math.max(1, indices.length);
  return {
    loss: lossSum / n,
    acc: top1 / n,
    top1Error: 1 - top1 / n,
    top5Error: 1 - top5 / n,
    count: indices.length,
    ...(tta ? { tta: { testAcc: ttaTop1 / n, top1Error: 1 - ttaTop1 / n, top5Error: 1 - ttaTop5 / n } } : {}),
  };
}
