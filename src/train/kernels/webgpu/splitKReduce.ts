// Second pass of a split-K GEMM: out[i] = Σ_s partial[s, i] over the K slices, in slice order
// (a fixed order, so results repeat exactly from run to run; no atomics).
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

/**
 * Input `partial` [splits, M, N] (row-major), output `outputShape` with M·N elements.
 */
export function splitKReduceProgram(splits: number, outputShape: number[]): WebGPUProgram {
  const size = outputShape.reduce((a, b) => a * b, 1);
  const dispatchLayout = webgpu_util.flatDispatchLayout(outputShape);
  const workgroupSize: [number, number, number] = [64, 1, 1];
  return {
    outputShape,
    shaderKey: `splitKReduce_${splits}_${size}`,
    dispatchLayout,
    dispatch: webgpu_util.computeDispatch(dispatchLayout, outputShape, workgroupSize),
    variableNames: ['partial'],
    workgroupSize,
    size: true,
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
