// Access to the wasm backend's own registered kernels, so replacement kernels can compose them
// without going through the engine (no tape, no tracking: the caller frees its temporaries).
import { getKernel, type KernelFunc } from '@tensorflow/tfjs-core';

/** The wasm backend's kernel function for `name`; throws if the backend does not register it. */
export function wasmKernel(name: string): KernelFunc {
  const config = getKernel(name, 'wasm');
  if (!config) throw new Error(`wasm backend has no ${name} kernel`);
  return config.kernelFunc;
}
