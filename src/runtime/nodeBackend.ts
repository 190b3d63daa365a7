// Starts a TF.js backend in Node — the headless trainer (cli/) and the Node benchmark (bench/) —
// with the kernels of the current choice (src/kernels/choice.ts), as chooseBackend does in the
// Worker. Imports are dynamic: tfjs-backend-webgpu registers itself only if navigator.gpu exists
// when it loads, so the Dawn globals (nodeWebGpu.ts) must come first.
import * as tf from '@tensorflow/tfjs-core';
import './tfSetup';

export type NodeBackend = 'webgpu' | 'wasm' | 'cpu';

/** `wasmDir`: the folder holding tfjs-backend-wasm's .wasm files, ending in '/'. */
export async function startNodeBackend(name: NodeBackend, wasmDir: string): Promise<void> {
  if (name === 'webgpu') {
    await import('./nodeWebGpu');
    const kernels = await import('../kernels');
    await kernels.loadWebGpu();
    kernels.registerKernels('webgpu');
  } else if (name === 'wasm') {
    (await import('@tensorflow/tfjs-backend-wasm')).setWasmPaths(wasmDir);
    (await import('../kernels')).registerKernels('wasm');
  }
  if (!(await tf.setBackend(name).catch(() => false)))
    throw new Error(
      `the ${name} backend did not start` +
        (name === 'webgpu'
          ? ' (no WebGPU adapter? Without a GPU: LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json)'
          : ''),
    );
  await tf.ready();
}
