// The Worker's side of the e2e test hooks. Only test builds (vite build --mode e2e) reach this
// module; `npm run build` drops it (worker/main.ts guards it with import.meta.env.VITE_TEST_HOOKS).

import type { DebugToWorker, FromWorker } from '../shared/protocol';
import { problem } from '../shared/problem';
import * as tf from '@tensorflow/tfjs-core';
import type { TrainableModel } from '../model/build';
import { webglContext, webgpuDevice } from './deviceLoss';

/** Loses the device on purpose (WebGPU destroy, or WEBGL_lose_context). False on CPU backends. */
function loseDevice(): boolean {
  const device = webgpuDevice();
  if (device) {
    device.destroy();
    return true;
  }
  const ext = webglContext()?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return Boolean(ext);
}

export function handleTestHook(msg: DebugToWorker, post: (m: FromWorker) => void): void {
  if (msg.type === 'debug-lose-device') {
    if (!loseDevice()) post({ type: 'log', level: 'warn', problem: problem('device.noneToLose') });
    return;
  }
  // Outside any handler, so the page sees a real Worker error event.
  setTimeout(() => {
    throw new Error('simulated crash (test hook)');
  });
}

/**
 * ?nanAt=STEP:LAYER: before training step STEP, that layer's kernel turns to NaN, as a broken
 * kernel or a diverging update would leave it; the training guard must stop the run there.
 */
export function nanAtStep(
  at: { step: number; layer: string } | undefined,
): ((step: number, model: TrainableModel) => void) | undefined {
  if (!at) return undefined;
  return (step, model) => {
    if (step !== at.step) return;
    const kernel = model.params.find((p) => p.layer === at.layer && p.role === 'kernel')?.variable;
    if (kernel) tf.tidy(() => kernel.assign(tf.fill(kernel.shape, NaN)));
  };
}
