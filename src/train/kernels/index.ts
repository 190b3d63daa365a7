// Makes the wasm backend able to train AlexNet. Stock tfjs-backend-wasm 4.22 has no
// Conv2DBackpropFilter and a MaxPoolGrad that is wrong for batch > 1 or channels > 1; every
// other op the model differentiates through (resizeBilinear, pad/slice for LRN, split/concat,
// dropout, matMul, softmax cross-entropy) agrees with cpu (see kernels.test.ts).
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs';
// Importing the package registers the stock wasm kernels first, so ours replace them (a later
// first import would overwrite ours).
import '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { maxPoolGradConfig } from './maxPoolGrad';

const REPLACEMENTS = [conv2dBackpropFilterConfig, maxPoolGradConfig];

/**
 * Registers the replacement kernels for backendName 'wasm'. Idempotent; may be called before or
 * after tf.setBackend('wasm') (the stock kernels register when the wasm package is imported).
 */
export function registerWasmTrainingKernels(): void {
  for (const config of REPLACEMENTS) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}
