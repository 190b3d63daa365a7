// Second pass of a split-K GEMM: out[i] = Σ_s partial[s, i] over the K slices, in slice order
// (a fixed order, so results repeat exactly from run to run; no atomics).
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatLayout } from './flatLayout';

/**
 * Input `partial` [splits, M, N] (row-major), output `outputShape` with M·N elements.
 */
export function splitKReduceProgram(splits: number, outputShape: number[]): WebGPUProgram {
  const size = outputShape.reduce((a, b) => a * b, 1);
  return {
    ...flatLayout(outputShape),
    shaderKey: `splitKReduce_${splits}_${size}`,
    variableNames: ['partial'],
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          var sum = 0.0;
          for (var s = 0; s < ${splits}; s++) {
            sum += partial[s * ${size} + index];
          }
          setOutputAtIndex(index, sum);
        }
      }
    `,
  };
}
