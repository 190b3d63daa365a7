import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../shared/dataset';
import type { ModelSpec, RunSettings } from '../shared/types';
import { IMAGE_BYTES } from '../shared/types';
import { createRng } from '../data/random';
import { PAPER_OPTIMIZER } from '../shared/defaults';
import { RunControl } from './control';
import { train, type TrainCheckpoint, type TrainerHooks } from './trainer';
import type { EvalMetrics, StepMetrics } from '../shared/protocol';
import type { Problem } from '../shared/problem';
import type { GuardTrip } from './guard';
import type { ChannelStats } from '../data/batches';
import { inputStats } from '../data/whiten';
import { planData } from '../data/dataPlan';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small network with every kind of entry, cheap enough for the cpu backend. */
const tinySpec: ModelSpec = {
  preset: 'cifar',
  config: {
    preset: 'cifar',
    activation: 'relu',
    lrn: true,
    dropout: true,
    pooling: 'overlapping',
    grouped: false,
  },
  layers: [
    { kind: 'input', name: 'input', height: 32, width: 32, channels: 3 },
    {
      kind: 'conv',
      name: 'conv1',
      filters: 4,
      kernel: 5,
      stride: 2,
      pad: 2,
      groups: 1,
      init: { kind: 'he' },
      biasInit: 0,
    },
    { kind: 'activation', name: 'act1', fn: 'relu' },
    { kind: 'lrn', name: 'lrn1', k: 2, n: 5, alpha: 1e-4, beta: 0.75 },
    { kind: 'maxpool', name: 'pool1', size: 3, stride: 2 },
    { kind: 'flatten', name: 'flatten' },
    { kind: 'dense', name: 'fc2', units: 16, init: { kind: 'he' }, biasInit: 0 },
    { kind: 'activation', name: 'act2', fn: 'relu' },
    { kind: 'dropout', name: 'drop2', rate: 0.5 },
    { kind: 'dense', name: 'fc3', units: 10, init: { kind: 'he' }, biasInit: 0 },
  ],
};

/** Random images whose mean brightness depends on the label, so a model can learn something. */
function syntheticDataset(trainCount: number, testCount: number): Dataset {
  const rng = createRng(7);
  const make = (count: number) => {
    const images = new Uint8Array(count * IMAGE_BYTES);
    const labels = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      labels[i] = i % 10;
      for (let j = 0; j < IMAGE_BYTES; j++)
        images[i * IMAGE_BYTES + j] = Math.min(255, labels[i] * 20 + rng() * 60);
    }
    return { count, images, labels };
  };
  const train = make(trainCount);
  return {
    source: { kind: 'embedded', description: { code: 'test.synthetic' } },
    train: { ...train, batchOf: new Uint8Array(trainCount).map((_, i) => 1 + (i % 5)) },
    test: make(testCount),
  };
}

const settings = (epochs: number): RunSettings => ({
  config: tinySpec.config,
  optimizer: { ...PAPER_OPTIMIZER, batchSize: 16 },
  data: { batches: [1, 2, 3, 4, 5], quick: false, quickTrain: 0, quickTest: 0 },
  epochs,
  seed: 3,
});

function recorder() {
  const steps: StepMetrics[] = [];
  const evals: EvalMetrics[] = [];
  const states: string[] = [];
  const hooks: TrainerHooks = {
    onState: (s) => states.push(s),
    onStep: (m) => steps.push(m),
    onEval: (m) => evals.push(m),
  };
  return { steps, evals, states, hooks };
}

describe('train', () => {
  const data = syntheticDataset(64, 20);

  it('repeats the same losses for the same seed and config', async () => {
    const a = recorder();
    const b = recorder();
    (await train(tinySpec, settings(1), data, new RunControl(), a.hooks)).dispose();
    (await train(tinySpec, settings(1), data, new RunControl(), b.hooks)).dispose();
    expect(a.steps.length).toBe(4);
    expect(a.steps.map((s) => s.loss)).toEqual(b.steps.map((s) => s.loss));
    const c = recorder();
    (await train(tinySpec, { ...settings(1), seed: 4 }, data, new RunControl(), c.hooks)).dispose();
    expect(c.steps.map((s) => s.loss)).not.toEqual(a.steps.map((s) => s.loss));
  });

  it('reports epochs with test top-1/top-5 error and ends in done', async () => {
    const r = recorder();
    (await train(tinySpec, settings(2), data, new RunControl(), r.hooks)).dispose();
    const epochEvals = r.evals.filter((e) => e.kind === 'epoch');
    expect(epochEvals.map((e) => e.epoch)).toEqual([1, 2]);
    for (const e of epochEvals) {
      expect(e.testCount).toBe(20);
      expect(e.top5Error).toBeLessThanOrEqual(e.top1Error);
      expect(e.top1Error).toBeCloseTo(1 - e.testAcc, 10);
      expect(e.trainAcc).not.toBeNull();
    }
    expect(r.states[0]).toBe('training');
    expect(r.states[r.states.length - 1]).toBe('done');
  });

  it('keeps the tensor count flat across epochs', async () => {
    const counts: number[] = [];
    const r = recorder();
    const hooks: TrainerHooks = {
      ...r.hooks,
      onEval: (m) => m.kind === 'epoch' && counts.push(tf.memory().numTensors),
    };
    const before = tf.memory().numTensors;
    const model = await train(tinySpec, settings(3), data, new RunControl(), hooks);
    expect(counts).toHaveLength(3);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('pauses between steps, resumes at the same place, and stops', async () => {
    const control = new RunControl();
    const r = recorder();
    const hooks: TrainerHooks = {
      ...r.hooks,
      onStep: (m) => {
        r.steps.push(m);
        if (m.step === 2) control.pause();
      },
    };
    const done = train(tinySpec, settings(2), data, control, hooks);
    await vi.waitFor(() => expect(r.states).toContain('paused'), { timeout: 20_000 });
    // Held: no step runs while paused.
    await new Promise((res) => setTimeout(res, 300));
    expect(r.steps.length).toBe(2);
    control.resume();
    await new Promise((res) => setTimeout(res, 50));
    control.stop();
    (await done).dispose();
    expect(r.steps.map((s) => s.step)).toEqual(r.steps.map((_, i) => i + 1));
    expect(r.steps.length).toBeLessThan(8);
    expect(r.states).not.toContain('done');
  });

  it('fits the input preprocessing on the training images only, trains and tests with it, leak-free', async () => {
    for (const preprocess of ['pixel-mean', 'zca'] as const) {
      const r = recorder();
      let handed: ChannelStats | null = null;
      const s = {
        ...settings(1),
        data: { ...settings(1).data, quick: true, quickTrain: 32, quickTest: 10, preprocess },
      };
      const before = tf.memory().numTensors;
      const model = await train(tinySpec, s, data, new RunControl(), {
        ...r.hooks,
        onModel: (_m, st) => (handed = st),
      });
      const plan = planData(data, s.data, s.seed);
      // Exactly the statistics of the run's own training images (no test image among them).
      expect(handed).toEqual(inputStats(data.train, plan.train, preprocess));
      expect(handed!.zca !== undefined).toBe(preprocess === 'zca');
      expect(r.steps.every((m) => Number.isFinite(m.loss))).toBe(true);
      expect(r.evals.filter((e) => e.kind === 'epoch')).toHaveLength(1);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('refuses a selection with no training images', async () => {
    const r = recorder();
    const s = { ...settings(1), data: { ...settings(1).data, batches: [] } };
    await expect(train(tinySpec, s, data, new RunControl(), r.hooks)).rejects.toThrow(/^train\.noImages$/);
  });
});

describe('train with augmentation, a schedule and test-time averaging', () => {
  const data = syntheticDataset(48, 20);

  it('reports mirrored-average test errors, follows the cosine schedule, and stays deterministic', async () => {
    const s: RunSettings = {
      ...settings(2),
      augment: { flip: true, crop: true, pcaColor: true },
      schedule: { kind: 'cosine', warmupEpochs: 0, stepEpochs: 10, stepFactor: 0.1 },
      tta: true,
    };
    const a = recorder();
    const b = recorder();
    (await train(tinySpec, s, data, new RunControl(), a.hooks)).dispose();
    (await train(tinySpec, s, data, new RunControl(), b.hooks)).dispose();
    expect(a.steps.map((x) => x.loss)).toEqual(b.steps.map((x) => x.loss));
    // Cosine over 2 epochs of 3 steps: the rate falls step by step from the base rate.
    const rates = a.steps.map((x) => x.learningRate);
    expect(rates[0]).toBeCloseTo(0.01, 12);
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeLessThan(rates[i - 1]);
    const epochEvals = a.evals.filter((e) => e.kind === 'epoch');
    for (const e of epochEvals) {
      expect(e.tta).toBeDefined();
      expect(e.tta!.top5Error).toBeLessThanOrEqual(e.tta!.top1Error);
      expect(e.tta!.top1Error).toBeCloseTo(1 - e.tta!.testAcc, 10);
    }
  });
});

describe('train from a given model (continue training)', () => {
  const data = syntheticDataset(32, 10);

  it('trains the same model object further, keeping its normalisation', async () => {
    const first = await train(tinySpec, settings(1), data, new RunControl(), recorder().hooks);
    const before = first.variables.map((v) => v.dataSync().slice());
    const stats = {
      mean: [0.5, 0.5, 0.5] as [number, number, number],
      std: [0.2, 0.2, 0.2] as [number, number, number],
    };
    let handed: unknown = null;
    let handedStats: unknown = null;
    const r = recorder();
    const tensors = tf.memory().numTensors;
    const second = await train(
      tinySpec,
      settings(1),
      data,
      new RunControl(),
      { ...r.hooks, onModel: (m, s) => ((handed = m), (handedStats = s)) },
      { model: first, stats },
    );
    expect(second).toBe(first);
    expect(handed).toBe(first);
    expect(handedStats).toBe(stats);
    const moved = second.variables.some((v, i) => v.dataSync().some((x, j) => x !== before[i][j]));
    expect(moved).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
    second.dispose();
  });
});

describe('resume from a checkpoint', () => {
  const data = syntheticDataset(48, 10);

  it('repeats exactly the losses the uninterrupted run had after the checkpoint', async () => {
    const whole = recorder();
    const checkpoints: TrainCheckpoint[] = [];
    (
      await train(tinySpec, settings(3), data, new RunControl(), {
        ...whole.hooks,
        onCheckpoint: (cp) => checkpoints.push(cp),
      })
    ).dispose();
    expect(checkpoints.map((c) => c.epoch)).toEqual([1, 2]);

    const resumed = recorder();
    const tensors = tf.memory().numTensors;
    (
      await train(tinySpec, settings(3), data, new RunControl(), resumed.hooks, undefined, checkpoints[0])
    ).dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    const after = whole.steps.filter((s) => s.epoch >= 2);
    expect(resumed.steps.map((s) => s.step)).toEqual(after.map((s) => s.step));
    expect(resumed.steps.map((s) => s.loss)).toEqual(after.map((s) => s.loss));
    expect(resumed.evals.filter((e) => e.kind === 'epoch').map((e) => e.epoch)).toEqual([2, 3]);
  });

  it('stops at once when a layer goes non-finite, naming the step and layer, with a clean checkpoint', async () => {
    const r = recorder();
    const checkpoints: TrainCheckpoint[] = [];
    const trips: GuardTrip[] = [];
    const problems: (Problem | undefined)[] = [];
    const tensors = tf.memory().numTensors;
    (
      await train(tinySpec, settings(3), data, new RunControl(), {
        ...r.hooks,
        onState: (s, p) => {
          r.states.push(s);
          problems.push(p);
        },
        onCheckpoint: (cp) => checkpoints.push(cp),
        onGuard: (t) => trips.push(t),
        // Step 6 is the last of epoch 2 (3 steps an epoch): fc2's kernel turns to NaN before it.
        beforeStep: (step, model) => {
          if (step !== 6) return;
          const kernel = model.params.find((p) => p.layer === 'fc2' && p.role === 'kernel')!.variable;
          tf.tidy(() => kernel.assign(tf.fill(kernel.shape, NaN)));
        },
      })
    ).dispose();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(trips).toEqual([{ ok: false, code: 'guard.nonFiniteWeights', step: 6, layer: 'fc2', loss: NaN }]);
    expect(r.states[r.states.length - 1]).toBe('error');
    expect(problems[problems.length - 1]).toEqual({
      code: 'guard.nonFiniteWeights',
      params: { step: 6, layer: 'fc2', loss: 'NaN' },
    });
    // The garbage step is not reported as a step, and nothing trains after it.
    expect(r.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    expect(checkpoints.map((c) => c.step)).toEqual([3]);
    expect(checkpoints[0].weights.every((w) => w.every(Number.isFinite))).toBe(true);
  });

  it('never saves a checkpoint with garbage: a bad update after the last check stops the run', async () => {
    const r = recorder();
    const checkpoints: TrainCheckpoint[] = [];
    const trips: GuardTrip[] = [];
    (
      await train(tinySpec, settings(2), data, new RunControl(), {
        ...r.hooks,
        onCheckpoint: (cp) => checkpoints.push(cp),
        onGuard: (t) => trips.push(t),
        // Before step 3, the last of epoch 1: the step checks weights and gradients, not the
        // momentum, so its update turns conv1's kernel to NaN after the check.
        beforeStep: (step, model) => {
          if (step !== 3) return;
          const kernel = model.params.find((p) => p.layer === 'conv1' && p.role === 'kernel')!.variable;
          // The optimiser's momentum for it: the one untrainable variable of its shape here.
          const velocity = Object.values(tf.engine().registeredVariables).find(
            (v) => !v.trainable && v.shape.join() === kernel.shape.join(),
          );
          expect(velocity).toBeDefined();
          tf.tidy(() => velocity!.assign(tf.fill(kernel.shape, NaN)));
        },
      })
    ).dispose();
    expect(trips).toEqual([{ code: 'guard.nonFiniteWeights', step: 3, layer: 'conv1', loss: NaN }]);
    expect(checkpoints).toEqual([]);
    expect(r.states[r.states.length - 1]).toBe('error');
  });

  it('resumes inside an epoch from a mid-epoch checkpoint, with the same losses and epoch accuracy', async () => {
    const whole = recorder();
    const checkpoints: TrainCheckpoint[] = [];
    (
      await train(tinySpec, settings(2), data, new RunControl(), {
        ...whole.hooks,
        onCheckpoint: (cp) => checkpoints.push(cp),
        checkpointEvery: { steps: 2 },
      })
    ).dispose();
    const mid = checkpoints.find((c) => c.stepInEpoch > 0 && c.epoch === 0)!;
    expect(mid.stepInEpoch).toBe(2);
    const resumed = recorder();
    (await train(tinySpec, settings(2), data, new RunControl(), resumed.hooks, undefined, mid)).dispose();
    const after = whole.steps.filter((s) => s.step > mid.step);
    expect(resumed.steps.map((s) => s.loss)).toEqual(after.map((s) => s.loss));
    const epochOf = (r: typeof whole) =>
      r.evals.filter((e) => e.kind === 'epoch').map((e) => [e.epoch, e.trainAcc]);
    expect(epochOf(resumed)).toEqual(epochOf(whole));
  });

  it('refuses a checkpoint of another architecture', async () => {
    const cp: TrainCheckpoint = {
      epoch: 1,
      stepInEpoch: 0,
      epochSums: { acc: 0, loss: 0, seen: 0 },
      step: 3,
      stats: { mean: [0, 0, 0], std: [1, 1, 1] },
      weights: [new Float32Array(3)],
      velocity: [new Float32Array(3)],
      plateauFactor: 1,
      bestTop1: 1,
      sinceBest: 0,
    };
    await expect(
      train(tinySpec, settings(2), data, new RunControl(), recorder().hooks, undefined, cp),
    ).rejects.toThrow(/^train\.checkpointMismatch$/);
  });
});
