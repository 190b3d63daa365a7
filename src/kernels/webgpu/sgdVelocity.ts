// The velocity of the paper's SGD update (src/train/sgd.ts), next = μ·v − (λ·ε)·w − ε·g, as one
// elementwise dispatch on webgpu instead of 5 (3 Multiply, 2 Sub) through ops. An update is
// cheap arithmetic on a GPU; what it costs in tfjs is the CPU side of each dispatch (bind
// groups, uniform buffer, command encoding), 16 variables × 6 dispatches per step as ops.
// The scalars are uniforms, not constants in the WGSL: the learning rate changes with the
// schedule, and a shader key holding it would compile a new pipeline whenever it did. The key
// holds only the vector width (tfjs appends the ranks and dtypes), so one pipeline per rank and
// width serves every variable and step. The products are formed in the same order as the ops
// (v·μ, w·(λε), g·ε, then two subtractions, λε rounded to float32 once, as tf's scalar), so the
// result differs from the cpu backend's only where the GPU fuses a multiply-add (≤ 1 ulp per
// operation).
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatLayout } from './flatLayout';
import { SGD_VELOCITY, type SgdVelocityAttrs } from '../../shared/customOps';
import { declareOwnKernel } from '../../shared/ownKernels';

/**
 * One thread per element of the flat tensors, or per 4 (vec4 loads and stores) where the size
 * allows; any shape, all three inputs the output's. The WGSL is the same for both: with
 * outputComponent 4, tfjs declares the buffers as array<vec4<f32>> and sets uniforms.size to
 * size / 4, and vec4 · f32 is componentwise.
 */
function sgdVelocityProgram(shape: number[]): WebGPUProgram {
  const components = shape.reduce((a, b) => a * b, 1) % 4 === 0 ? 4 : 1;
  return {
    ...flatLayout(shape, components),
    // tfjs's key omits outputComponent: it must be ours.
    shaderKey: `sgdVelocity_${components}`,
    variableNames: ['vIn', 'wIn', 'gIn'],
    outputComponent: components,
    uniforms: 'momentum : f32, decayLr : f32, lr : f32,',
    getUserCode: () => `
      fn main(index : i32) {
        if (index >= uniforms.size) {
          return;
        }
        let scaled = vIn[index] * uniforms.momentum - wIn[index] * uniforms.decayLr;
        setOutputAtIndex(index, scaled - gIn[index] * uniforms.lr);
      }
    `,
  };
}

/** inputs v (velocity), w (weights), g (gradient), all one shape, float32. @returns next, same shape */
const sgdVelocity: KernelFunc = ({ inputs, backend, attrs }) => {
  const gpu = backend as WebGPUBackend;
  const { v, w, g } = inputs as { v: TensorInfo; w: TensorInfo; g: TensorInfo };
  const { momentum, lr, weightDecay } = attrs as unknown as SgdVelocityAttrs;
  // The program reads all three at the output's flat index: no broadcasting.
  for (const t of [w, g])
    if (t.shape.join() !== v.shape.join())
      throw new Error(`SgdVelocity: shapes differ: v [${v.shape}], got [${t.shape}]`);
  const uniforms = [momentum, weightDecay * lr, lr].map((x) => ({ type: 'float32', data: [x] }));
  return gpu.runWebGPUProgram(sgdVelocityProgram(v.shape), [v, w, g], 'float32', uniforms);
};

export const sgdVelocityConfig: KernelConfig = {
  kernelName: SGD_VELOCITY,
  backendName: 'webgpu',
  kernelFunc: sgdVelocity,
};

// Ours: the op's caller uses this kernel while it is the registered one (shared/ownKernels.ts).
declareOwnKernel(sgdVelocity);
