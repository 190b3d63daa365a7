// Faster training kernels for the webgpu backend. Stock tfjs-backend-webgpu 4.22 trains
// AlexNet at 1.6 % of PyTorch's speed on an H200 (../../../../../shared/device/README.md): its
// convolution weight gradient (one thread per weight, walking the whole batch alone) and input
// gradient take 9× and 8× the forward convolution's time. These replace them with tiled implicit
// GEMMs (split-K for the weight gradient), and MaxPoolGrad with a one-pass gather. Each is tested
// against the cpu backend (*.test.ts here, on Dawn's SwiftShader adapter in CI).
//
// The forward convolution (Conv2D, and FusedConv2D with bias + linear/relu/sigmoid) is the same
// tiled implicit GEMM (conv2d.ts), bias and activation fused into its store. Registered because
// it beat stock on every AlexNet layer on SwiftShader (Dawn's software Vulkan on a 2-core CPU, not
// a GPU; `bench:node -- --kernels`, with vec4 loads): 1.3× (C1, Ci = 3) to 2.4–2.8× (C2–C4), and
// a CIFAR batch-2 step went from 8.3–13.3 s to 4.7–10.9 s (a loaded machine); on a real GPU
// stock vs ours is still to be measured (`--kernels` there decides).
//
// LRN and LRNGrad are replaced by one-dispatch kernels (localResponseNorm.ts; the stock LRNGrad
// is O(C²) per element). The model's lrn() (src/model/lrn.ts) calls them only while ours are
// registered, and otherwise builds LRN from ordinary ops.
//
// SgdVelocity (sgdVelocity.ts) has no stock counterpart: the optimiser (../../sgd.ts) uses it
// while it is registered and ops otherwise, so { speedups: false } unregisters it and the
// baseline measures stock tfjs throughout. Likewise HashDropout (hashDropout.ts; the op is
// src/model/dropout.ts): dropout as one dispatch each way with the mask hashed on the GPU,
// instead of a mask drawn in JavaScript, uploaded and applied by four kernels. Its cpu twin is
// registered with it, for the same masks on both.
import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs';
// Importing the package registers the stock webgpu kernels first, so ours replace them (a later
// first import would overwrite ours).
import '@tensorflow/tfjs-backend-webgpu';
import { conv2dConfig, fusedConv2dConfig } from './conv2d';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { lrnConfig, lrnGradConfig } from './localResponseNorm';
import { maxPoolGradConfig } from './maxPoolGrad';
import { sgdVelocityConfig } from './sgdVelocity';
import { hashDropoutConfig } from './hashDropout';
import { hashDropoutCpuConfig } from '../cpu/hashDropout';

const OURS = [
  conv2dConfig,
  fusedConv2dConfig,
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  maxPoolGradConfig,
  lrnConfig,
  lrnGradConfig,
  sgdVelocityConfig,
  hashDropoutConfig,
  // Dropout's cpu twin: the same masks on cpu as on webgpu, so that a network's gradients can be
  // compared between the two (index.test.ts), and the cpu fallback behaves the same.
  hashDropoutCpuConfig,
];
/** The stock configs, kept when ours first replace them so that { speedups: false } can restore. */
const stock = new Map<string, KernelConfig>();

export interface WebGpuKernelOptions {
  /** false: the stock tfjs-webgpu kernels (the baseline `npm run bench` compares against); default true. */
  speedups?: boolean;
}

/**
 * Registers our kernels for backendName 'webgpu' (or, with speedups: false, makes sure the stock
 * ones are registered, and ours without a stock one are not). Idempotent; may be called before
 * or after tf.setBackend('webgpu'): kernels are looked up at each call.
 */
export function registerWebGpuTrainingKernels(options: WebGpuKernelOptions = {}): void {
  const ours = options.speedups !== false;
  for (const config of OURS) {
    const { kernelName, backendName } = config;
    const current = getKernel(kernelName, backendName);
    const key = `${backendName}/${kernelName}`;
    if (current && current.kernelFunc !== config.kernelFunc && !stock.has(key)) stock.set(key, current);
    // undefined: none (speedups off for a kernel that tfjs lacks, e.g. SgdVelocity).
    const wanted = ours ? config : stock.get(key);
    if (current?.kernelFunc === wanted?.kernelFunc) continue;
    if (current) unregisterKernel(kernelName, backendName);
    if (wanted) registerKernel(wanted);
  }
}
