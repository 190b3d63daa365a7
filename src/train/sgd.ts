// The paper's optimiser (section 5): v ← μ·v − λ·ε·w − ε·∂L/∂w ;  w ← w + v
// with momentum μ = 0.9, weight decay λ = 5e-4, learning rate ε. Applied to every variable,
// as the paper writes it.

import * as tf from '@tensorflow/tfjs-core';
import { isOwnKernel } from '../shared/ownKernels';
import { SGD_VELOCITY, type SgdVelocityAttrs } from '../shared/customOps';

/**
 * μ·v − (λ·ε)·w − ε·g for one variable: the SgdVelocity kernel where the current backend has it,
 * ops otherwise (same float32 products and subtractions in the same order).
 */
export function nextVelocity(v: tf.Tensor, w: tf.Tensor, g: tf.Tensor, a: SgdVelocityAttrs): tf.Tensor {
  if (isOwnKernel(tf.getKernel(SGD_VELOCITY, tf.getBackend())?.kernelFunc))
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
