// Notices when the GPU behind the backend goes away (driver reset, laptop lid, another tab taking
// the GPU): WebGPU resolves `device.lost`, WebGL fires `webglcontextlost`. The Worker is useless on
// that backend afterwards, so the page restarts it on WebAssembly (client/bridge.ts).

import * as tf from '@tensorflow/tfjs-core';
import { problem, type Problem } from '../shared/problem';

interface WebGpuBackendLike {
  device?: GPUDevice;
}
interface WebGlBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

export function webgpuDevice(): GPUDevice | null {
  return tf.getBackend() === 'webgpu'
    ? ((tf.backend() as unknown as WebGpuBackendLike).device ?? null)
    : null;
}

export function webglContext(): WebGL2RenderingContext | null {
  return tf.getBackend() === 'webgl'
    ? ((tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl ?? null)
    : null;
}

/** Calls `onLost` once, with the reason (the browser's own words when it gives any), if the GPU is lost. */
export function watchDevice(onLost: (reason: Problem) => void): void {
  const device = webgpuDevice();
  if (device) {
    void device.lost.then((info) => {
      const said = info.message || info.reason;
      onLost(said ? problem('device.lostSaid', { said }) : problem('device.lostUnknown'));
    });
    return;
  }
  const gl = webglContext();
  const canvas = (gl as unknown as { canvas?: OffscreenCanvas } | null)?.canvas;
  canvas?.addEventListener('webglcontextlost', () => onLost(problem('device.webglLost')), { once: true });
}
