// Will a run fit the GPU's buffer limits? Every buffer a WebGPU training step allocates, computed
// from the spec alone (no TF.js), checked against the adapter's maxStorageBufferBindingSize and
// maxBufferSize, and the largest batch that fits. A buffer over either limit makes tfjs-webgpu
// throw (or, on some drivers, lose the device) mid-step: refusing before the run is the only
// clean answer.
import type { ModelSpec } from '../shared/types';
import { computeShapes } from './shapes';

/** The two adapter limits a single tensor's buffer must respect (bytes). */
export interface BufferLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

export interface RunBuffer {
  /** The spec entry it belongs to. */
  layer: string;
  /**
   * activation: the entry's output [batch, …] (its gradient in the backward pass has the same
   * size); weights: a kernel (its gradient and momentum have the same size); splitK: the weight
   * gradient's partial sums, [slices, …kernel] (kernels/webgpu/conv2dBackpropFilter.ts).
   */
  what: 'activation' | 'weights' | 'splitK';
  bytes: number;
}

const FLOAT_BYTES = 4;
/**
 * The K slices of an M×N×K weight-gradient GEMM, as kernels/webgpu/conv2dBackpropFilter.ts
 * chooseSplits counts them (mirrored: this room imports no kernels), for either tile size and
 * before its recount, which never adds a slice: an upper bound.
 */
export function splitKSlices(M: number, N: number, K: number): number {
  const most = Math.max(1, Math.min(64, Math.floor(K / 256)));
  const wanted = (tile: number) =>
    Math.ceil((1024 * (64 / tile) ** 2) / (Math.ceil(M / tile) * Math.ceil(N / tile)));
  return Math.max(1, Math.min(Math.max(wanted(64), wanted(128)), most));
}

/**
 * The largest buffers of one training step at `batch`, one per entry and kind (the gradients and
 * momentum buffers are the same sizes as what they belong to, so they add no larger buffer).
 * The split-K partials count the kernel's slices from above, so the check errs on the safe side.
 */
export function runBuffers(spec: ModelSpec, batch: number): RunBuffer[] {
  const shapes = computeShapes(spec);
  const out: RunBuffer[] = [];
  shapes.forEach((row, i) => {
    const perImage = row.outShape.map(Math.floor).reduce((a, b) => a * b, 1);
    out.push({ layer: row.name, what: 'activation', bytes: batch * perImage * FLOAT_BYTES });
    const layer = spec.layers[i];
    if (layer.kind === 'conv' || layer.kind === 'dense') {
      const kernel = row.params - (layer.kind === 'conv' ? layer.filters : layer.units);
      out.push({ layer: row.name, what: 'weights', bytes: kernel * FLOAT_BYTES });
      if (layer.kind === 'conv') {
        // dW [kh·kw·ci/groups, co] = Σ over K = batch · output height · output width.
        const [oh, ow] = row.outShape.map(Math.floor);
        const slices = splitKSlices(kernel / layer.filters, layer.filters, batch * oh * ow);
        if (slices > 1) out.push({ layer: row.name, what: 'splitK', bytes: slices * kernel * FLOAT_BYTES });
      }
    }
  });
  return out;
}

export interface LimitsVerdict {
  fits: boolean;
  /** The largest single buffer and the cap it is checked against (the smaller limit). */
  largest: RunBuffer;
  cap: number;
}

export function checkLimits(spec: ModelSpec, batch: number, limits: BufferLimits): LimitsVerdict {
  const cap = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const largest = runBuffers(spec, batch).reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return { fits: largest.bytes <= cap, largest, cap };
}

/**
 * The largest batch ≤ `upTo` whose every buffer fits, or 0 when not even batch 1 does (a kernel
 * alone is over the cap). Buffers only grow with the batch, so a binary search finds it.
 */
export function largestBatchThatFits(spec: ModelSpec, limits: BufferLimits, upTo: number): number {
  if (!checkLimits(spec, 1, limits).fits) return 0;
  let lo = 1;
  let hi = upTo;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (checkLimits(spec, mid, limits).fits) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
