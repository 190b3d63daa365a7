// Our kernels for the wasm backend. Stock tfjs-backend-wasm 4.22 cannot train AlexNet: it has no
// Conv2DBackpropFilter, and its MaxPoolGrad is wrong for batch > 1 or channels > 1 (REPLACEMENTS,
// registered in either kernel set). Its Conv2DBackpropInput, transposed BatchMatMul, LRN/LRNGrad,
// Sum over leading axes and Identity are correct but slow (the rest; speed in
// docs/performance.md). Every other op the model differentiates through agrees with cpu as it is
// (kernels.test.ts).
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
// Importing the package registers the stock wasm kernels first, so ours replace them (a later
// first import would overwrite ours).
import '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from './batchMatMul';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { identityConfig } from './identity';
import { lrnConfig, lrnGradConfig } from './localResponseNorm';
import { maxPoolGradConfig } from './maxPoolGrad';
import { sumConfig } from './sum';

const REPLACEMENTS = [conv2dBackpropFilterConfig, maxPoolGradConfig];
// Stock kernels that are correct but slow and need no setupFunc of theirs: replaced outright.
const FASTER = [lrnConfig, lrnGradConfig];
// Stock kernels that are correct but slow: wrapped (keeping their setupFunc) exactly once.
const WRAPPERS: [string, (stock: KernelConfig) => KernelConfig][] = [
  ['Conv2DBackpropInput', conv2dBackpropInputConfig],
  ['BatchMatMul', batchMatMulConfig],
  ['Sum', sumConfig],
  ['Identity', identityConfig],
];
let wrapped = false;

export interface WasmKernelOptions {
  /**
   * false: only the two kernels wasm cannot train without (the "stock + fixes" baseline that
   * benchmarks compare against); true (default): all of ours.
   */
  ours?: boolean;
}

/**
 * Registers the replacement kernels for backendName 'wasm'. Idempotent; may be called before or
 * after tf.setBackend('wasm') (the stock kernels register when the wasm package is imported).
 * A process (Worker) uses one kernel set: the faster kernels are not unregistered.
 */
export function registerWasmTrainingKernels(options: WasmKernelOptions = {}): void {
  for (const config of REPLACEMENTS) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
  if (wrapped || options.ours === false) return;
  for (const config of FASTER) {
    unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
  for (const [name, wrap] of WRAPPERS) {
    const stock = getKernel(name, 'wasm');
    if (!stock) throw new Error(`wasm backend has no ${name} kernel to wrap`);
    unregisterKernel(name, 'wasm');
    registerKernel(wrap(stock));
  }
  wrapped = true;
}
