// The whole-network gradient check that the wasm and webgpu kernel tests both run: a small net
// with every op AlexNet differentiates through (upscale, strided conv, LRN, overlapping and 2/2
// pooling, grouped conv, the three activations, seeded dropout, dense, softmax cross-entropy).
import * as tf from '@tensorflow/tfjs';
import { createModel } from '../../model/build';
import { defaultConfig } from '../../model/spec';
import type { ModelSpec } from '../../shared/types';
import { values } from './compareBackends.testing';

const spec: ModelSpec = {
  preset: 'cifar',
  config: defaultConfig('cifar'),
  layers: [
    { kind: 'input', name: 'input', height: 12, width: 12, channels: 3 },
    { kind: 'resize', name: 'upscale', height: 23, width: 23 },
    {
      kind: 'conv',
      name: 'conv1',
      filters: 8,
      kernel: 5,
      stride: 2,
      pad: 0,
      groups: 1,
      init: { kind: 'he' },
      biasInit: 0.1,
    },
    { kind: 'activation', name: 'act1', fn: 'relu' },
    { kind: 'lrn', name: 'lrn1', k: 1, n: 5, alpha: 0.1, beta: 0.75 },
    { kind: 'maxpool', name: 'pool1', size: 3, stride: 2 },
    {
      kind: 'conv',
      name: 'conv2',
      filters: 6,
      kernel: 3,
      stride: 1,
      pad: 1,
      groups: 2,
      init: { kind: 'he' },
      biasInit: 1,
    },
    { kind: 'activation', name: 'act2', fn: 'tanh' },
    { kind: 'maxpool', name: 'pool2', size: 2, stride: 2 },
    { kind: 'flatten', name: 'flatten' },
    { kind: 'dense', name: 'fc3', units: 12, init: { kind: 'normal', std: 0.1 }, biasInit: 0 },
    { kind: 'activation', name: 'act3', fn: 'sigmoid' },
    { kind: 'dropout', name: 'drop3', rate: 0.5 },
    { kind: 'dense', name: 'fc4', units: 10, init: { kind: 'he' }, biasInit: 0 },
  ],
};

/** Loss and variable gradients of the net: 1 + 8 tensors (four layers' kernels and biases). */
export const SMALL_NET_OUTPUTS = 1 + 8;

const xs = values(4 * 12 * 12 * 3, 6);
const labels = [3, 1, 4, 1];

/**
 * One training step's loss and gradients on the current backend, from a fixed seed, batch x
 * [4, 12, 12, 3] and dropout seed: [loss, dW and db of each layer in model.variables order].
 */
export function smallNetGradients(): tf.Tensor[] {
  const model = createModel(spec, 9);
  const x = tf.tensor4d(xs, [4, 12, 12, 3]);
  const y = tf.oneHot(labels, 10);
  const { value, grads } = tf.variableGrads(
    () =>
      tf.losses.softmaxCrossEntropy(y, model.forward(x, { training: true, dropoutSeed: 17 })) as tf.Scalar,
    model.variables,
  );
  const out = [value, ...model.variables.map((v) => grads[v.name])];
  // Keep the results alive past the variables: clone before disposing the model.
  const kept = out.map((t) => t.clone());
  model.dispose();
  return kept;
}
