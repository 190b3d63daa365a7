// HashDropout (src/model/dropout.ts) for the webgpu backend: one pass, y[i] = x[i] · scale where
// element i is kept, else 0, the mask hashed from (seed, i) in the shader: nothing is drawn on the
// CPU or uploaded, and the backward pass is this kernel on dy. The seed, threshold and scale are
// uniforms, so one pipeline serves every step and rate; the WGSL hash is the twin of pcgHash.
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatLayout } from './flatLayout';
import { HASH_DROPOUT, dropoutConstants, pcgHash, type HashDropoutAttrs } from '../../shared/customOps';
import { declareOwnKernel } from '../../shared/ownKernels';

function hashDropoutProgram(outputShape: number[]): WebGPUProgram {
  return {
    ...flatLayout(outputShape),
    shaderKey: 'hashDropout',
    variableNames: ['xIn'],
    uniforms: 'key : u32, threshold : u32, scale : f32,',
    getUserCode: () => `
      fn pcg(v : u32) -> u32 {
        let state = v * 747796405u + 2891336453u;
        let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
        return (word >> 22u) ^ word;
      }

      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let kept = (pcg(u32(index) ^ uniforms.key) >> 8u) >= uniforms.threshold;
        result[index] = select(0.0, xIn[index] * uniforms.scale, kept);
      }`,
  };
}

/** inputs x (float32, any shape); attrs HashDropoutAttrs. @returns x's shape */
const hashDropout: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: TensorInfo };
  const { rate, seed } = attrs as unknown as HashDropoutAttrs;
  const { threshold, scale } = dropoutConstants(rate);
  return (backend as WebGPUBackend).runWebGPUProgram(hashDropoutProgram(x.shape), [x], 'float32', [
    // pcg(seed) once here rather than in every thread.
    { type: 'uint32', data: [pcgHash(seed >>> 0)] },
    { type: 'uint32', data: [threshold] },
    { type: 'float32', data: [scale] },
  ]);
};

export const hashDropoutConfig: KernelConfig = {
  kernelName: HASH_DROPOUT,
  backendName: 'webgpu',
  kernelFunc: hashDropout,
};

// Ours: the op's caller uses this kernel while it is the registered one (shared/ownKernels.ts).
declareOwnKernel(hashDropout);
