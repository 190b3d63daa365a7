// What the page is told when the training guard stops a run (train/guard.ts), and whether going on
// on WebAssembly is offered.
import * as tf from '@tensorflow/tfjs-core';
import type { CheckCase } from '../kernels/webgpu/selfTest';
import { problem, type Problem } from '../shared/problem';
import { startWasm } from '../runtime/backend';
import { crossCheckStep, errorText } from '../runtime/selfTest';
import { tripProblem, type GuardTrip } from '../train/guard';
import type { RunPoint } from '../train/stepCheck';
import type { TrainableModel } from '../model/build';
import type { Dataset } from '../shared/dataset';
import type { RunSettings } from '../shared/types';
import { makeBatch, type ChannelStats } from '../data/batches';
import { planData } from '../data/dataPlan';

/**
 * What a guard trip says, and whether going on on WebAssembly is offered. A loss that kept rising
 * on webgpu is checked first: the run's next step (`step`, from its weights at the trip) on the
 * GPU and on wasm. The same numbers mean the CPU would have diverged too: the settings, not the
 * GPU, and no offer; other numbers mean this GPU computes wrong: said, and the way on offered.
 * Non-finite values always offer it (a fresh start from the last checkpoint).
 */
export async function tripVerdict(
  trip: GuardTrip,
  step: (() => Promise<CheckCase>) | null,
): Promise<{ problem: Problem; offerWasm: boolean }> {
  if (trip.code !== 'guard.lossRising') return { problem: tripProblem(trip), offerWasm: true };
  const result =
    step && tf.getBackend() === 'webgpu' ? await crossCheckStep(await step(), () => startWasm()) : null;
  if (!result) return { problem: tripProblem(trip), offerWasm: false };
  const params = { ...tripProblem(trip).params, error: errorText(result.maxError) };
  return result.pass
    ? { problem: problem('guard.lossRisingSettings', params), offerWasm: false }
    : { problem: problem('guard.lossRisingGpu', params), offerWasm: true };
}

/** Where the run stood at the trip: its weights (read back), its first two training images. */
export async function runPointAt(
  model: TrainableModel,
  dataset: Dataset,
  settings: RunSettings,
  stats: ChannelStats,
  learningRate: number,
): Promise<RunPoint> {
  const weights = await Promise.all(model.variables.map(async (v) => (await v.data()) as Float32Array));
  const order = planData(dataset, settings.data, settings.seed).train;
  const n = Math.min(2, order.length);
  const { x, y } = makeBatch(dataset.train, order, 0, n, stats);
  try {
    return {
      weights,
      images: (await x.data()) as Float32Array,
      shape: x.shape,
      labels: (await y.data()) as Int32Array,
      learningRate,
      optimizer: settings.optimizer,
    };
  } finally {
    x.dispose();
    y.dispose();
  }
}
