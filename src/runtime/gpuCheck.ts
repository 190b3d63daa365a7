// The self-test (selfTest.ts) as the Worker uses it: what the header says about it, and the
// switch to WebAssembly when a whole training step on the GPU is still wrong.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendInfo } from '../shared/protocol';
import { problem } from '../shared/problem';
import type { CheckCase } from '../kernels/webgpu/selfTest';
import { startWasm, wasmAdapter } from './backend';
import { errorText, forgetSelfTests, kernelProblems, selfTestKernels, selfTestStep } from './selfTest';

/** On webgpu: the kernel self-test (or its cached result), with kernels that failed left stock. */
export async function checkGpuKernels(info: BackendInfo, again = false): Promise<BackendInfo> {
  if (info.name !== 'webgpu') return info;
  if (again) await forgetSelfTests(info.adapter);
  const report = await selfTestKernels(info.adapter);
  return { ...info, selfTest: { problems: kernelProblems(report), gpu: info } };
}

/**
 * Before a model trains on webgpu: its whole step against wasm. Returns the new info when the
 * step was wrong and training moved to WebAssembly, null when nothing changes.
 */
export async function checkGpuStep(
  info: BackendInfo,
  step: CheckCase & { key: string; preset: string; batch: number },
): Promise<BackendInfo | null> {
  if (info.name !== 'webgpu' || !info.selfTest || tf.getBackend() !== 'webgpu') return null;
  const { result } = await selfTestStep(info.adapter, step, () => startWasm());
  if (result.pass || !(await startWasm())) {
    await tf.setBackend('webgpu');
    return null;
  }
  await tf.ready();
  const failed = problem('selfTest.stepFailed', {
    preset: step.preset,
    batch: step.batch,
    error: errorText(result.maxError),
  });
  return {
    name: 'wasm',
    adapter: wasmAdapter(),
    reason: problem('backend.wasm', { why: failed }),
    selfTest: { problems: [...info.selfTest.problems, failed], gpu: info.selfTest.gpu },
  };
}
