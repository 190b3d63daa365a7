// The two ops of ours that no backend ships, as contracts between the code that calls them
// (src/model/dropout.ts, src/train/sgd.ts) and the kernels that implement them (src/kernels):
// kernel names, attributes and the reference arithmetic every implementation must match.

export const HASH_DROPOUT = 'HashDropout';

/** Attributes of a HashDropout kernel call (the gradient reuses them: same mask). */
export interface HashDropoutAttrs {
  rate: number;
  /** Unsigned 32-bit seed. */
  seed: number;
  [key: string]: number;
}

/** PCG's 32-bit permutation as a hash, in unsigned 32-bit arithmetic (the WGSL twin must agree). */
export function pcgHash(v: number): number {
  const state = (Math.imul(v, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The kept-or-not threshold on 24 hash bits, and the scale of kept elements (both as the kernels use them). */
export function dropoutConstants(rate: number): { threshold: number; scale: number } {
  return { threshold: Math.round(rate * 2 ** 24), scale: Math.fround(1 / (1 - rate)) };
}

/**
 * Reference of the kernel: y[i] = x[i] · scale when element i is kept, else 0, over a flat
 * array (any shape: the index is the element's position in row-major order).
 */
export function hashDropoutReference(x: ArrayLike<number>, attrs: HashDropoutAttrs): Float32Array {
  const { threshold, scale } = dropoutConstants(attrs.rate);
  const key = pcgHash(attrs.seed >>> 0);
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = pcgHash((i ^ key) >>> 0) >>> 8 >= threshold ? x[i] * scale : 0;
  return y;
}

/**
 * Kernel computing the new velocity μ·v − (λ·ε)·w − ε·g in one dispatch (inputs v, w, g of one
 * shape; attrs SgdVelocityAttrs). No backend ships it: ours for webgpu
 * (kernels/webgpu/sgdVelocity.ts) registers under this name; as ops the update is 6 dispatches
 * per variable, each costing CPU time in tfjs.
 */
export const SGD_VELOCITY = 'SgdVelocity';
export interface SgdVelocityAttrs {
  momentum: number;
  lr: number;
  weightDecay: number;
}
