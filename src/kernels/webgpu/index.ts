// Our kernels for the webgpu backend, and the switch back to tfjs-webgpu's stock ones. Stock
// tfjs-backend-webgpu 4.22 computes convolution gradients with one thread per weight (weight
// gradient) or per input element (input gradient); ours are tiled implicit GEMMs (tiledGemm.ts),
// and the forward convolution is one too, with bias and activation fused into its store. LRN and
// LRNGrad are one dispatch each (the stock LRNGrad is O(C²) per element), MaxPoolGrad a one-pass
// gather, the SGD update one dispatch per variable, dropout one dispatch each way with a hashed
// mask. Each is tested against the cpu backend (*.test.ts here, on SwiftShader in CI); their
// speed is logged in docs/performance.md.
//
// SgdVelocity and HashDropout have no stock counterpart: src/train/sgd.ts and
// src/model/dropout.ts use them while ours are registered (shared/ownKernels.ts) and ops
// otherwise, so the stock set is pure tfjs.
import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
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
import { CPU_KERNELS } from '../cpu';
import { declareOwnKernel } from '../../shared/ownKernels';

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
  // Dropout's cpu twin: the same masks on cpu as on webgpu (index.test.ts compares gradients).
  ...CPU_KERNELS,
];

/** The stock configs, kept when ours first replace them so that the stock set can restore them. */
const stock = new Map<string, KernelConfig>();

export interface WebGpuKernelOptions {
  /** false: the stock tfjs-webgpu kernels (what benchmarks compare against); default true. */
  ours?: boolean;
  /** Kernel names to leave stock (or unregistered, where tfjs has none) while the rest are ours. */
  stock?: ReadonlySet<string>;
  /** Test hook: this kernel of ours is registered negating its (first) output. */
  corrupt?: string | null;
}

const corrupted = new Map<string, KernelConfig>();

/** `config` with its first output negated (Neg on webgpu), made once per kernel: the self-test's test hook. */
function corruptedConfig(config: KernelConfig): KernelConfig {
  let made = corrupted.get(config.kernelName);
  if (!made) {
    const kernelFunc: KernelFunc = (args) => {
      const out = config.kernelFunc(args) as TensorInfo | TensorInfo[];
      const first = Array.isArray(out) ? out[0] : out;
      const neg = getKernel('Neg', 'webgpu')!.kernelFunc({
        inputs: { x: first },
        backend: args.backend,
        attrs: {},
      }) as TensorInfo;
      (args.backend as { disposeData(id: object): void }).disposeData(first.dataId);
      return Array.isArray(out) ? [neg, ...out.slice(1)] : neg;
    };
    // Used where ours would be (the model asks isOwnKernel), so the corruption reaches training.
    declareOwnKernel(kernelFunc);
    made = { ...config, kernelFunc };
    corrupted.set(config.kernelName, made);
  }
  return made;
}

/**
 * Registers our kernels for backendName 'webgpu' (or, with ours: false, makes sure the stock
 * ones are registered, and ours without a stock one are not; with `stock`, only for the kernels
 * it names). Idempotent; may be called before
 * or after tf.setBackend('webgpu'): kernels are looked up at each call.
 */
export function registerWebGpuTrainingKernels(options: WebGpuKernelOptions = {}): void {
  const ours = options.ours !== false;
  for (const config of OURS) {
    const { kernelName, backendName } = config;
    const current = getKernel(kernelName, backendName);
    const key = `${backendName}/${kernelName}`;
    const mine =
      current && [config.kernelFunc, corrupted.get(kernelName)?.kernelFunc].includes(current.kernelFunc);
    if (current && !mine && !stock.has(key)) stock.set(key, current);
    // The cpu twins stay: the self-test compares against cpu, and dropout needs the same masks there.
    const keep = ours && !(backendName === 'webgpu' && options.stock?.has(kernelName));
    const own = options.corrupt === kernelName && backendName === 'webgpu' ? corruptedConfig(config) : config;
    // undefined: none (the stock set for a kernel that tfjs lacks, e.g. SgdVelocity).
    const wanted = keep ? own : stock.get(key);
    if (current?.kernelFunc === wanted?.kernelFunc) continue;
    if (current) unregisterKernel(kernelName, backendName);
    if (wanted) registerKernel(wanted);
  }
}
