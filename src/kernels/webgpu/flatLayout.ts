// The dispatch of our element-wise programs (one thread per output element, or per
// `perThread` consecutive ones): tfjs's flat layout, with `size: true` so that tfjs passes the
// element count (divided by the program's outputComponent, if any) as uniforms.size, and
// main(index) gets the flat index.
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { webgpu_util } from '@tensorflow/tfjs-backend-webgpu';

export type FlatLayout = Pick<
  WebGPUProgram,
  'outputShape' | 'dispatchLayout' | 'dispatch' | 'workgroupSize' | 'size'
>;

export function flatLayout(outputShape: number[], perThread = 1, workgroupX = 64): FlatLayout {
  const dispatchLayout = webgpu_util.flatDispatchLayout(outputShape);
  const workgroupSize: [number, number, number] = [workgroupX, 1, 1];
  return {
    outputShape,
    dispatchLayout,
    dispatch: webgpu_util.computeDispatch(dispatchLayout, outputShape, workgroupSize, [perThread, 1, 1]),
    workgroupSize,
    size: true,
  };
}
