// The GPU's buffer limits as the training backend got them (the device's limits: tfjs-webgpu asks
// its adapter for the most it offers), for the limits check before a run (model/limits.ts).

import type { BufferLimits } from '../model/limits';
import { webgpuDevice } from './deviceLoss';

/**
 * The device's limits on webgpu, null on other backends (they have no such per-buffer cap that
 * we can read). `capForTest` (test builds' ?adapterLimit=BYTES) lowers both to that many bytes,
 * and applies them on any backend, so the refusal can be tested without minutes of a software
 * GPU's self-test.
 */
export function bufferLimits(capForTest?: number): BufferLimits | null {
  const device = webgpuDevice();
  const real = device
    ? {
        maxStorageBufferBindingSize: device.limits.maxStorageBufferBindingSize,
        maxBufferSize: device.limits.maxBufferSize,
      }
    : null;
  if (capForTest === undefined) return real;
  return {
    maxStorageBufferBindingSize: Math.min(real?.maxStorageBufferBindingSize ?? Infinity, capForTest),
    maxBufferSize: Math.min(real?.maxBufferSize ?? Infinity, capForTest),
  };
}
