// The paper's optimiser (section 5): v ← μ·v − λ·ε·w − ε·∂L/∂w ;  w ← w + v
// with momentum μ = 0.9, weight decay λ = 5e-4, learning rate ε. Applied to every variable,
// as the paper writes it.

import * as tf from '@tensorflow/tfjs';

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
  tf.tidy(() => {
    for (const w of variables) {
      const g = grads[w.name];
      if (!g) continue;
      const v = state.velocity.get(w.name)!;
      const next = v
        .mul(momentum)
        .sub(w.mul(weightDecay * lr))
        .sub(g.mul(lr));
      v.assign(next);
      w.assign(w.add(next));
    }
  });
}

export function disposeSgdState(state: SgdState): void {
  for (const v of state.velocity.values()) v.dispose();
  state.velocity.clear();
}
