// One entry point for the runtime: register the kernels of the current choice (choice.ts) for a
// backend. Each backend keeps its own registration list (wasm/index.ts, webgpu/index.ts).
// The webgpu side (tfjs-backend-webgpu and our kernels, ~0.4 MB of the Worker) is loaded only
// where a WebGPU adapter exists: loadWebGpu() first, then registerKernels('webgpu').
import { kernelChoice } from './choice';
import { registerWasmTrainingKernels } from './wasm';

export { setKernelChoice, kernelChoice, type KernelChoice } from './choice';

let webgpu: typeof import('./webgpu') | null = null;

/** Loads tfjs-backend-webgpu (which registers the backend) and our webgpu kernels, once. */
export async function loadWebGpu(): Promise<void> {
  webgpu ??= await import('./webgpu');
}

export const webGpuLoaded = (): boolean => webgpu !== null;

export function registerKernels(backend: 'wasm' | 'webgpu'): void {
  const { set, stock, corruptForTest } = kernelChoice();
  const ours = set === 'ours';
  if (backend === 'wasm') registerWasmTrainingKernels({ ours });
  else {
    if (!webgpu) throw new Error('registerKernels("webgpu") before loadWebGpu()');
    webgpu.registerWebGpuTrainingKernels({ ours, stock, corrupt: corruptForTest });
  }
}
