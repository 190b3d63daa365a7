// The watchdog bound: a GPU driver resets the device when one dispatch runs too long (Windows'
// TDR: 2 s). Our convolutions are one GEMM dispatch each; past MAX_DISPATCH_MACS multiply-adds
// they run on batch chunks instead (slices in, one dispatch per chunk, outputs concatenated or
// summed). The bound, 2^34 (17 G) multiply-adds, is ~35 ms on a 1 TFLOPS GPU and ~0.35 s on an
// integrated one at a quarter of its 0.4 TFLOPS. At batch 128 it splits the paper preset's C2-C5
// (C2: 57 G, 4 chunks), not the CIFAR preset (its largest, C2, is 8.8 G) nor tfjs's own MatMul.
import { getKernel, type NamedTensorInfoMap, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { kernelChoice } from '../choice';

export const MAX_DISPATCH_MACS = 2 ** 34;

/** Images per dispatch for a GEMM of `macsPerImage` multiply-adds per image (≥ 1). */
export function imagesPerDispatch(macsPerImage: number): number {
  const bound = kernelChoice().maxDispatchMacs ?? MAX_DISPATCH_MACS;
  return Math.max(1, Math.floor(bound / Math.max(1, macsPerImage)));
}

/** `t` [batch, …] rows b0 … b0 + n − 1 (Slice on the backend). */
function rows(backend: WebGPUBackend, t: TensorInfo, b0: number, n: number): TensorInfo {
  return getKernel('Slice', 'webgpu')!.kernelFunc({
    inputs: { x: t },
    backend,
    attrs: { begin: [b0, ...t.shape.slice(1).map(() => 0)], size: [n, ...t.shape.slice(1)] },
  }) as TensorInfo;
}

/**
 * Runs `run` on batch chunks of at most `chunk` images of `batched` (each [batch, …]; `shared`
 * inputs go to every chunk whole), then joins the outputs: along the batch ('concat', for
 * per-image outputs) or as a sum ('sum', for a weight gradient). One chunk: `run` alone.
 */
export function splitBatch(
  backend: WebGPUBackend,
  batched: TensorInfo[],
  chunk: number,
  join: 'concat' | 'sum',
  run: (batched: TensorInfo[]) => TensorInfo,
): TensorInfo {
  const batch = batched[0].shape[0];
  if (chunk >= batch) return run(batched);
  const outs: TensorInfo[] = [];
  for (let b0 = 0; b0 < batch; b0 += chunk) {
    const n = Math.min(chunk, batch - b0);
    const parts = batched.map((t) => rows(backend, t, b0, n));
    outs.push(run(parts));
    for (const p of parts) backend.disposeData(p.dataId);
  }
  // Concat and AddN take their inputs as a list (tfjs's ops pass the array itself).
  const list = outs as unknown as NamedTensorInfoMap;
  const joined = (
    join === 'concat'
      ? getKernel('Concat', 'webgpu')!.kernelFunc({ inputs: list, backend, attrs: { axis: 0 } })
      : getKernel('AddN', 'webgpu')!.kernelFunc({ inputs: list, backend, attrs: {} })
  ) as TensorInfo;
  for (const o of outs) backend.disposeData(o.dataId);
  return joined;
}
