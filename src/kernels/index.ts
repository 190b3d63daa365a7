// One entry point for the runtime: register the kernels of the current choice (choice.ts) for a
// backend. Each backend keeps its own registration list (wasm/index.ts, webgpu/index.ts).
import { kernelChoice } from './choice';
import { registerWasmTrainingKernels } from './wasm';
import { registerWebGpuTrainingKernels } from './webgpu';

export { setKernelChoice, kernelChoice, type KernelChoice } from './choice';

export function registerKernels(backend: 'wasm' | 'webgpu'): void {
  const { set, stock, corruptForTest } = kernelChoice();
  const ours = set === 'ours';
  if (backend === 'wasm') registerWasmTrainingKernels({ ours });
  else registerWebGpuTrainingKernels({ ours, stock, corrupt: corruptForTest });
}
