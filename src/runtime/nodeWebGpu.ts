// Gives Node a WebGPU (Dawn, through the npm package `webgpu`) before TF.js loads its backend.
// Must be imported before '@tensorflow/tfjs-backend-webgpu'.
import { create, globals } from 'webgpu';

Object.assign(globalThis, globals);
Object.defineProperty(globalThis, 'navigator', {
  value: { gpu: create([]), userAgent: 'node' },
  configurable: true,
  writable: true,
});
