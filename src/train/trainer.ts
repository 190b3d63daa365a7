// The training loop: seeded shuffling, SGD steps, per-step and per-epoch metrics, pause/resume,
// stop, ÷10 on plateau. Knows nothing of the Worker or the page: it reports through `hooks`.

import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../shared/dataset';
import type { EvalMetrics, StepMetrics } from '../shared/protocol';
import type { ModelSpec, RunSettings, RunState } from '../shared/types';
import { createModel, type TrainableModel } from '../model/build';
import { createRng, shuffleInPlace } from '../data/random';
import { makeBatch, type ChannelStats } from '../data/batches';
import { inputStats } from '../data/whiten';
import { evaluate } from './evaluate';
import { augmentBatch } from '../data/augment';
import { colorPca } from '../data/colorPca';
import { learningRateAt, NO_SCHEDULE } from './schedule';
import { createSgdState, disposeSgdState, type SgdState } from './sgd';
import { checkedEntries, trainStep, type StepTiming } from './step';
import { firstNonFiniteArray, TrainingGuard, tripProblem, type GuardTrip, type LayerCheck } from './guard';
import type { RunControl } from './control';
import { planData } from '../data/dataPlan';
import { problem, ProblemError, type Problem } from '../shared/problem';

/**
 * What it takes to pick a run up where it was: weights, momentum, normalisation, the place in the
 * epoch and the plateau bookkeeping. Arrays follow model.variables' order.
 */
export interface TrainCheckpoint {
  /** Epochs finished. */
  epoch: number;
  /** Steps already done in the next epoch (0 at an epoch boundary), and that epoch's sums so far. */
  stepInEpoch: number;
  epochSums: { acc: number; loss: number; seen: number };
  step: number;
  stats: ChannelStats;
  weights: Float32Array[];
  velocity: Float32Array[];
  plateauFactor: number;
  bestTop1: number;
  sinceBest: number;
}

export interface TrainerHooks {
  /** `problem`: why the run ended in error (the UI words it). */
  onState(state: RunState, problem?: Problem): void;
  onStep(metrics: StepMetrics): void;
  onEval(metrics: EvalMetrics): void;
  /** Called once, right after the model is created: lets the Worker inspect the live weights between steps. */
  onModel?(model: TrainableModel, stats: ChannelStats): void;
  /**
   * Called with a copy of the run's state after each epoch's evaluation and, inside an epoch, every
   * `checkpointEvery` (only when given: it reads every weight).
   */
  onCheckpoint?(checkpoint: TrainCheckpoint): void;
  /** Mid-epoch checkpoints: after this many steps, or this many ms of training, whichever first. */
  checkpointEvery?: { steps?: number; ms?: number };
  /**
   * The guard stopped the run (train/guard.ts): called before onState('error', …). The run's
   * last checkpoint was taken before the trip, so it is clean to resume from.
   */
  onGuard?(trip: GuardTrip): void;
  /**
   * Called before each step with its number (1-based) and the model. Test builds' hook to poison
   * a layer's weights (worker/testHooks.ts); nothing else sets it.
   */
  beforeStep?(step: number, model: TrainableModel): void;
}

/**
 * The step's per-layer finite checks from trainStep's check sums (its layout), in spec order.
 * @param sums the [2 + 2V + E] readback of trainStep(…, check = true)
 */
function layerChecks(model: TrainableModel, entries: string[], sums: Float32Array): LayerCheck[] {
  const v = model.variables.length;
  const byName = new Map<string, LayerCheck>();
  for (const layer of model.spec.layers) byName.set(layer.name, { name: layer.name });
  const and = (prev: boolean | undefined, ok: boolean) => (prev ?? true) && ok;
  model.params.forEach((p, i) => {
    const c = byName.get(p.layer)!;
    c.weights = and(c.weights, Number.isFinite(sums[2 + i]));
    c.gradient = and(c.gradient, Number.isFinite(sums[2 + v + entries.length + i]));
  });
  entries.forEach((name, j) => (byName.get(name)!.activation = Number.isFinite(sums[2 + v + j])));
  return [...byName.values()];
}

/** Epochs longer than this many steps get a few mid-epoch test estimates. */
const ESTIMATE_MIN_STEPS = 40;

/** Keeps an exponential moving average of ms per step for throughput and ETA. */
class StepTimer {
  private ema = 0;
  update(ms: number): number {
    this.ema = this.ema === 0 ? ms : 0.8 * this.ema + 0.2 * ms;
    return this.ema;
  }
}

/**
 * Trains `spec` on `dataset` with `settings`. Returns the model (the caller owns it), also when
 * stopped or diverged: the Worker keeps it for inspection. Tensor count is flat across epochs:
 * every op of a step lives in a tf.tidy, and what escapes it is disposed after its values are read.
 */
export async function train(
  spec: ModelSpec,
  settings: RunSettings,
  dataset: Dataset,
  control: RunControl,
  hooks: TrainerHooks,
  /**
   * Continue from this model (a loaded file or an earlier run) instead of a fresh one: its weights
   * go on training in place and its normalisation is kept, so its inputs mean what they meant.
   */
  initial?: { model: TrainableModel; stats: ChannelStats },
  /** Pick up an interrupted run of these settings after its last checkpoint. */
  resume?: TrainCheckpoint,
): Promise<TrainableModel> {
  const { seed, epochs } = settings;
  const opt = settings.optimizer;
  const plan = planData(dataset, settings.data, seed);
  if (plan.train.length === 0) throw new ProblemError(problem('train.noImages'));
  // From the training images only; the same stats normalise the test images (evaluate).
  const stats =
    resume?.stats ?? initial?.stats ?? inputStats(dataset.train, plan.train, settings.data.preprocess);
  const model = initial?.model ?? createModel(spec, seed);
  hooks.onModel?.(model, stats);
  const pca = settings.augment?.pcaColor ? colorPca(dataset.train, plan.train) : null;
  const schedule = settings.schedule ?? NO_SCHEDULE;
  const tta = settings.tta ?? false;
  const sgd = createSgdState(model.variables);
  if (resume) {
    try {
      restore(model, sgd, resume);
    } catch (err) {
      disposeSgdState(sgd);
      model.dispose();
      throw err;
    }
  }
  const stepsPerEpoch = Math.ceil(plan.train.length / opt.batchSize);
  const evalChunk = spec.preset === 'paper' ? 64 : 500;
  const timer = new StepTimer();
  // ÷10 on plateau multiplies whatever the schedule gives.
  let plateauFactor = resume?.plateauFactor ?? 1;
  let lr = opt.learningRate;
  let bestTop1 = resume?.bestTop1 ?? Infinity;
  let sinceBest = resume?.sinceBest ?? 0;
  let step = resume?.step ?? 0;
  // Every step is checked per layer: the update right after a non-finite value spreads it to every
  // layer, so only the step where it appears can say where (guard.ts). The sums ride on the
  // readback each step makes anyway.
  const guard = new TrainingGuard();
  const entries = checkedEntries(model);
  const layerOf = model.params.map((p) => p.layer);
  const trip = (t: GuardTrip) => {
    hooks.onGuard?.(t);
    hooks.onState('error', tripProblem(t));
  };

  try {
    hooks.onState('training');
    const firstEpoch = (resume?.epoch ?? 0) + 1;
    let lastCheckpoint = { step, at: performance.now() };
    // Reads the weights asynchronously: a synchronous read on webgpu goes through a canvas, which
    // costs a stall and, in headless Chromium's software GPU, loses the device (seen in e2e).
    // The loop awaits it, so no step changes the weights while they are read.
    const read = async (ts: tf.Variable[]) =>
      (await Promise.all(ts.map((t) => t.data() as Promise<Float32Array>))).map((a) => a.slice());
    const snapshot = async (
      epochsDone: number,
      stepInEpoch: number,
      epochSums: TrainCheckpoint['epochSums'],
    ) => {
      lastCheckpoint = { step, at: performance.now() };
      const weights = await read(model.variables);
      const velocity = await read(model.variables.map((v) => sgd.velocity.get(v.name)!));
      // The last step's update came after its check: a checkpoint is never saved with garbage.
      // The first variable (layer order) whose weights or momentum went bad.
      const bad = weights.findIndex((w, i) => firstNonFiniteArray([w, velocity[i]]) >= 0);
      if (bad >= 0) {
        trip({ code: 'guard.nonFiniteWeights', step, layer: layerOf[bad], loss: NaN });
        return false;
      }
      hooks.onCheckpoint?.({
        epoch: epochsDone,
        stepInEpoch,
        epochSums,
        step,
        stats,
        weights,
        velocity,
        plateauFactor,
        bestTop1,
        sinceBest,
      });
      return true;
    };
    for (let epoch = firstEpoch; epoch <= epochs; epoch++) {
      const order = Uint32Array.from(plan.train);
      shuffleInPlace(order, createRng(seed * 1_000_003 + epoch));
      // A mid-epoch checkpoint resumes inside its epoch: same order, same place, same sums.
      const inside = epoch === firstEpoch && resume ? resume.stepInEpoch : 0;
      let accSum = inside ? resume!.epochSums.acc : 0;
      let lossSum = inside ? resume!.epochSums.loss : 0;
      let seen = inside ? resume!.epochSums.seen : 0;
      for (let s = inside; s < stepsPerEpoch; s++) {
        const going = await control.pausePoint(
          () => hooks.onState('paused'),
          () => hooks.onState('training'),
        );
        if (!going) return model;
        const start = s * opt.batchSize;
        const size = Math.min(opt.batchSize, order.length - start);
        lr = learningRateAt(
          schedule,
          opt.learningRate * plateauFactor,
          epoch - 1 + s / stepsPerEpoch,
          epochs,
        );
        hooks.beforeStep?.(step + 1, model);
        const t0 = performance.now();
        const timing: StepTiming = { forwardMs: 0, backwardMs: 0, updateMs: 0 };
        let dataMs = 0;
        const out = tf.tidy(() => {
          const { x, y } = makeBatch(dataset.train, order, start, size, stats);
          const input = settings.augment
            ? augmentBatch(x, settings.augment, seed * 7919 + step, pca, stats)
            : x;
          dataMs = performance.now() - t0;
          return trainStep(model, sgd, input, y, lr, opt, seed * 7919 + step, timing, true);
        });
        const sums = (await out.data()) as Float32Array;
        const [loss, correct] = sums;
        out.dispose();
        step++;
        const stepMs = performance.now() - t0;
        const ms = timer.update(stepMs);
        const phasesMs = dataMs + timing.forwardMs + timing.backwardMs + timing.updateMs;
        const split = { dataMs, ...timing, waitMs: Math.max(0, stepMs - phasesMs) };
        accSum += correct;
        lossSum += loss * size;
        seen += size;
        const verdict = guard.check({ step, loss, layers: layerChecks(model, entries, sums) });
        if (!verdict.ok) {
          trip(verdict);
          return model;
        }
        const stepsLeftInEpoch = stepsPerEpoch - s - 1;
        hooks.onStep({
          step,
          epoch,
          epochProgress: (s + 1) / stepsPerEpoch,
          loss,
          batchAcc: correct / size,
          learningRate: lr,
          imagesPerSec: (size * 1000) / ms,
          msPerStep: ms,
          etaEpochS: (stepsLeftInEpoch * ms) / 1000,
          etaRunS: ((stepsLeftInEpoch + (epochs - epoch) * stepsPerEpoch) * ms) / 1000,
          split,
        });
        const due = hooks.checkpointEvery;
        if (
          hooks.onCheckpoint &&
          due &&
          s + 1 < stepsPerEpoch &&
          ((due.steps !== undefined && step - lastCheckpoint.step >= due.steps) ||
            (due.ms !== undefined && performance.now() - lastCheckpoint.at >= due.ms))
        ) {
          if (!(await snapshot(epoch - 1, s + 1, { acc: accSum, loss: lossSum, seen }))) return model;
        }
        const every = Math.ceil(stepsPerEpoch / 5);
        if (stepsPerEpoch >= ESTIMATE_MIN_STEPS && (s + 1) % every === 0 && s + 1 < stepsPerEpoch) {
          const est = await evaluate(model, dataset.test, plan.estimate, stats, evalChunk);
          hooks.onEval({
            step,
            epoch,
            kind: 'estimate',
            trainAcc: null,
            trainLoss: null,
            testAcc: est.acc,
            testLoss: est.loss,
            top1Error: est.top1Error,
            top5Error: est.top5Error,
            testCount: est.count,
          });
        }
      }
      const res = await evaluate(model, dataset.test, plan.test, stats, evalChunk, tta);
      hooks.onEval({
        step,
        epoch,
        kind: 'epoch',
        trainAcc: accSum / Math.max(1, seen),
        trainLoss: lossSum / Math.max(1, seen),
        testAcc: res.acc,
        testLoss: res.loss,
        top1Error: res.top1Error,
        top5Error: res.top5Error,
        testCount: res.count,
        tensors: tf.memory().numTensors,
        ...(res.tta ? { tta: res.tta } : {}),
      });
      if (res.top1Error < bestTop1 - 1e-9) {
        bestTop1 = res.top1Error;
        sinceBest = 0;
      } else if (opt.decayOnPlateau && ++sinceBest >= opt.plateauEpochs) {
        plateauFactor /= 10;
        sinceBest = 0;
      }
      // The last epoch needs none: the run is complete.
      if (hooks.onCheckpoint && epoch < epochs && !(await snapshot(epoch, 0, { acc: 0, loss: 0, seen: 0 })))
        return model;
    }
    hooks.onState('done');
    return model;
  } finally {
    disposeSgdState(sgd);
  }
}

/** Puts a checkpoint's weights and velocities into a fresh model and optimiser state. */
function restore(model: TrainableModel, sgd: SgdState, cp: TrainCheckpoint): void {
  if (cp.weights.length !== model.variables.length || cp.velocity.length !== model.variables.length) {
    throw new ProblemError(problem('train.checkpointMismatch'));
  }
  tf.tidy(() => {
    model.variables.forEach((v, i) => {
      if (cp.weights[i].length !== v.size) throw new ProblemError(problem('train.checkpointMismatch'));
      v.assign(tf.tensor(cp.weights[i], v.shape));
      sgd.velocity.get(v.name)!.assign(tf.tensor(cp.velocity[i], v.shape));
    });
  });
}
