// The training guard: decides, from numbers the trainer has already read back, whether a run has
// gone wrong (non-finite loss, weights, activations or gradients; a loss far above its start for
// many steps) and where it went wrong first. Pure: no TF.js, so the rules are unit-tested alone.

import { problem, type Problem } from '../shared/problem';

/** The codes a trip carries; the UI words them as `problem.<code>` (src/ui/i18n). */
export type GuardCode =
  | 'guard.nonFiniteWeights'
  | 'guard.nonFiniteActivation'
  | 'guard.nonFiniteGradient'
  | 'guard.nonFiniteLoss'
  | 'guard.lossRising';

export interface GuardTrip {
  code: GuardCode;
  /** The training step (1-based, as in the metrics) where it appeared. */
  step: number;
  /** The spec entry where it appeared first; null for a rising loss (no one layer is to blame). */
  layer: string | null;
  /** The loss of that step (may be NaN or ±Infinity), for the message. */
  loss: number;
}

export type GuardVerdict = { ok: true } | ({ ok: false } & GuardTrip);

/**
 * One spec entry's finite check for a step, from per-tensor sums (a sum is finite iff every
 * element is, unless it overflows, which for weights or activations means garbage as well).
 * `weights`: the entry's kernel and bias before the step's update; `activation`: its forward
 * output; `gradient`: its kernel and bias gradients. Undefined where the entry has none.
 */
export interface LayerCheck {
  name: string;
  weights?: boolean;
  activation?: boolean;
  gradient?: boolean;
}

export interface GuardStep {
  step: number;
  loss: number;
  /** In forward (spec) order; empty when the step was not checked per layer. */
  layers: readonly LayerCheck[];
}

export interface GuardOptions {
  /** Steps whose mean loss is the start the later losses are compared with. */
  startSteps: number;
  /** "Far above its start": the smoothed loss above this many times the start... */
  riseFactor: number;
  /** ...for this many steps in a row. */
  riseSteps: number;
  /** Weight of the newest loss in the smoothed loss (an exponential moving average). */
  smoothing: number;
}

/**
 * A run starts near ln(10) ≈ 2.3 on CIFAR-10; one that learns stays below it, one whose steps are
 * too large climbs to 10–100 within tens of steps. Twice the start for 50 steps in a row is never
 * reached by a run that learns (single noisy batches are smoothed away) and is reached within
 * ~100 steps by one that diverges.
 */
export const GUARD_DEFAULTS: GuardOptions = { startSteps: 5, riseFactor: 2, riseSteps: 50, smoothing: 0.1 };

/**
 * Where a non-finite value appeared first, from one step's per-layer checks. Order matters:
 * weights that were already bad before the step are the cause of everything after them, so the
 * first such layer (forward order) is named; else the forward pass, whose first non-finite output
 * spreads to every entry after it, so again the first one; else the backward pass, which runs from
 * the output to the input and spreads a non-finite gradient to every layer below it, so the
 * non-finite gradient nearest the output is where it appeared.
 */
export function firstNonFinite(layers: readonly LayerCheck[]): {
  code: 'guard.nonFiniteWeights' | 'guard.nonFiniteActivation' | 'guard.nonFiniteGradient';
  layer: string;
} | null {
  const w = layers.find((l) => l.weights === false);
  if (w) return { code: 'guard.nonFiniteWeights', layer: w.name };
  const a = layers.find((l) => l.activation === false);
  if (a) return { code: 'guard.nonFiniteActivation', layer: a.name };
  const g = layers.findLast((l) => l.gradient === false);
  if (g) return { code: 'guard.nonFiniteGradient', layer: g.name };
  return null;
}

/** Keeps the loss history one run needs; `check` is called once per step, in order. */
export class TrainingGuard {
  private readonly opts: GuardOptions;
  private startSum = 0;
  private startCount = 0;
  private smoothed: number | null = null;
  private risingSince: number | null = null;

  constructor(opts: Partial<GuardOptions> = {}) {
    this.opts = { ...GUARD_DEFAULTS, ...opts };
  }

  /** The mean loss of the first steps, once there are enough of them. */
  get start(): number | null {
    return this.startCount >= this.opts.startSteps ? this.startSum / this.startCount : null;
  }

  check({ step, loss, layers }: GuardStep): GuardVerdict {
    const where = firstNonFinite(layers);
    if (where) return { ok: false, ...where, step, loss };
    if (!Number.isFinite(loss)) return { ok: false, code: 'guard.nonFiniteLoss', step, layer: null, loss };
    if (this.startCount < this.opts.startSteps) {
      this.startSum += loss;
      this.startCount++;
    }
    const { smoothing, riseFactor, riseSteps } = this.opts;
    this.smoothed = this.smoothed === null ? loss : (1 - smoothing) * this.smoothed + smoothing * loss;
    const start = this.start;
    if (start === null || this.smoothed <= riseFactor * start) {
      this.risingSince = null;
      return { ok: true };
    }
    this.risingSince ??= step;
    if (step - this.risingSince + 1 >= riseSteps)
      return { ok: false, code: 'guard.lossRising', step: this.risingSince, layer: null, loss };
    return { ok: true };
  }
}

/** A weights snapshot's finite check (a checkpoint is never saved with garbage in it). */
export function firstNonFiniteArray(arrays: readonly Float32Array[]): number {
  return arrays.findIndex((a) => {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return true;
    return false;
  });
}

/** The trip as the UI words it: `problem.<code>` with its step, layer and loss. */
export function tripProblem(trip: GuardTrip): Problem {
  const loss = Number.isFinite(trip.loss) ? trip.loss.toPrecision(3) : String(trip.loss);
  return problem(trip.code, { step: trip.step, layer: trip.layer ?? '', loss });
}
