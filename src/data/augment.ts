// Training-time augmentation on the backend, one batch at a time (the paper, section 4.1).
// Inputs and outputs are normalised images [N, 32, 32, 3]; zero is the mean colour.

import * as tf from '@tensorflow/tfjs-core';
import type { AugmentSettings } from '../shared/types';
import type { ChannelStats } from './batches';
import type { ColorPca } from './colorPca';

const PAD = 4;

/**
 * Returns an augmented copy of x [N, 32, 32, 3]. `seed` makes the random choices repeatable
 * (the trainer passes one per step). The crop pads with zeros, i.e. the mean colour.
 */
export function augmentBatch(
  x: tf.Tensor4D,
  settings: AugmentSettings,
  seed: number,
  pca: ColorPca | null,
  stats: ChannelStats,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w] = x.shape;
    let out = x;
    if (settings.crop) {
      // Random integer offsets 0…2·PAD; crop_and_resize with a box exactly crop-sized samples
      // pixel centres, so the bilinear weights are 0/1 and the crop is exact.
      const padded = tf.pad(out, [
        [0, 0],
        [PAD, PAD],
        [PAD, PAD],
        [0, 0],
      ]);
      const offsets = tf.randomUniform([n, 2], 0, 2 * PAD + 1, 'int32', seed).toFloat();
      const ph = h + 2 * PAD - 1;
      const pw = w + 2 * PAD - 1;
      const oy = offsets.slice([0, 0], [n, 1]);
      const ox = offsets.slice([0, 1], [n, 1]);
      const boxes = tf.concat(
        [oy.div(ph), ox.div(pw), oy.add(h - 1).div(ph), ox.add(w - 1).div(pw)],
        1,
      ) as tf.Tensor2D;
      const boxInd = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
      out = tf.image.cropAndResize(padded, boxes, boxInd, [h, w], 'bilinear');
    }
    if (settings.flip) {
      const mask = tf.randomUniform([n, 1, 1, 1], 0, 1, 'float32', seed + 1).less(0.5);
      out = tf.where(tf.broadcastTo(mask, out.shape), tf.reverse(out, 2), out);
    }
    if (settings.pcaColor && pca) {
      // delta_c = Σᵢ αᵢ λᵢ pᵢ[c], in 0…1 units; divided by the channel std to stay normalised.
      const alpha = tf.randomNormal([n, 3], 0, 0.1, 'float32', seed + 2);
      const scaled = alpha.mul(tf.tensor1d(pca.values)); // [N, 3]: αᵢλᵢ
      const vectors = tf.tensor2d(pca.vectors); // [3 (i), 3 (c)]
      const delta = scaled.matMul(vectors).div(tf.tensor1d(stats.std)); // [N, 3]
      out = out.add(delta.reshape([n, 1, 1, 3]));
    }
    return out;
  });
}

/** x [N, 32, 32, 3] mirrored left–right, for test-time averaging. */
export function mirror(x: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(x, 2);
}
