// The paper's optimiser (section 5): v ← μ·v − λ·ε·w − ε·∂L/∂w ;  w ← w + v
// with momentum μ = 0.9, weight decay λ = 5e-4, learning rate ε. Applied to every variable,
// as the paper writes it.

import * as tf from '@tensorflow/tfjs';

/**
 * Kernel computing the new velocity μ·v − (λ·ε)·w − ε·g in one dispatch (inputs v, w, g of one
 * shape; attrs SgdVelocityAttrs). No backend ships it: ours for webgpu
 * (kernels/webgpu/sgdVelocity.ts) registers under this name. As ops the update is 6 dispatches
 * per variable (3 Multiply, 2 Sub, 1 Add): 96 of the 219 kernel calls that dispatched GPU work
 * in a CIFAR step on webgpu (--profile, before this kernel and HashDropout), each costing tens
 * of µs of CPU in tfjs; with the kernel it is 2 (it, and the Add for w). nextVelocity looks the
 * kernel up at each call, so unregistering it (registerWebGpuTrainingKernels({ speedups: false }))
 * brings the ops back, and this file needs no import from kernels/.
 */
export const SGD_VELOCITY = 'SgdVelocity';
export interface SgdVelocityAttrs {
  momentum: number;
  lr: number;
  weightDecay: number;
}

/**
 * μ·v − (λ·ε)·w − ε·g for one variable: the SgdVelocity kernel where the current backend has it,
 * ops otherwise (same float32 products and subtractions in the same order).
 */
export function nextVelocity(v: tf.Tensor, w: tf.Tensor, g: tf.Tensor, a: SgdVelocityAttrs): tf.Tensor {
  if (tf.getKernel(SGD_VELOCITY, tf.getBackend()))
    return tf.engine().runKernel(SGD_VELOCITY, { v, w, g }, a as unknown as tf.NamedAttrMap) as tf.Tensor;
  return v
    .mul(a.momentum)
    .sub(w.mul(a.weightDecay * a.lr))
    .sub(g.mul(a.lr));
}

export interface SgdState {
  /** One velocity per variable, same shape, starting at zero. */
  velocity: Map<string, tf.Variable>;
}

export function createSgdState(variables: tf.Variable[]): SgdState {
  const velocity = new Map<string, tf.Variable>();
  // Unnamed: variable names are global in TF.js, and a model may be rebuilt while another lives.
  for (const v of variables)
    velocity.set(
      v.name,
      tf.tidy(() => tf.variable(tf.zerosLike(v), false)),
    );
  return { velocity };
}

/** Applies one update in place; `grads` maps variable names to gradients (disposed by the caller). */
export function sgdStep(
  state: SgdState,
  variables: tf.Variable[],
  grads: tf.NamedTensorMap,
  lr: number,
  momentum: number,
  weightDecay: number,
): void {
  const attrs: SgdVelocityAttrs = { momentum, lr, weightDecay };
  tf.tidy(() => {
    for (const w of variables) {
      const g = grads[w.name];
      if (!g) continue;
      const v = state.velocity.get(w.name)!;
      const next = nextVelocity(v, w, g, attrs);
      v.assign(next);
      w.assign(w.add(next));
    }
  });
}

export function disposeSgdState(state: SgdState): void {
  for (const v of state.velocity.values()) v.dispose();
  state.velocity.clear();
}
