// SgdVelocity on webgpu against the ops formula on cpu, and sgdStep on webgpu (kernel + Add)
// against sgdStep on cpu (ops). Tolerance 1e-6 of the largest magnitude: the kernel does the
// same float32 products and subtractions in the same order, so only a fused multiply-add on the
// GPU side may differ (≤ 1 ulp per operation, ~1e-7 relative). The parameter sets make every
// term count at that tolerance: a dropped or swapped term moves the result by ≥ 1e-5.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWebGpuTrainingKernels } from './index';
import { expectClose, size, values } from '../common/compareBackends.testing';
import { createSgdState, disposeSgdState, nextVelocity, sgdStep } from '../../train/sgd';
import { SGD_VELOCITY, type SgdVelocityAttrs } from '../../shared/customOps';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu } from './testing';

const TOLERANCE = 1e-6;
// Sizes not a multiple of 4 take the scalar shader ([7] in one workgroup, [37, 27] in 16), the
// others the vec4 one.
const SHAPES = [[7], [37, 27], [5, 5, 3, 64], [1024, 513]];
const PARAMS: SgdVelocityAttrs[] = [
  { momentum: 0.9, lr: 0.01, weightDecay: 5e-4 },
  { momentum: 0.5, lr: 0.3, weightDecay: 0.1 },
  { momentum: 0, lr: 1e-3, weightDecay: 2 },
];

/** sgd.ts's nextVelocity: the kernel on webgpu (where it must be registered), ops on cpu. */
function velocity(v: tf.Tensor, w: tf.Tensor, g: tf.Tensor, a: SgdVelocityAttrs): tf.Tensor {
  const backend = tf.getBackend();
  expect(tf.getKernel(SGD_VELOCITY, backend) !== undefined).toBe(backend === 'webgpu');
  return nextVelocity(v, w, g, a);
}

/** v, w, g of `shape`, fixed values in [-1, 1), distinct per seed. */
const inputs = (shape: number[], seed: number) =>
  [0, 1, 2].map((i) => tf.tensor(values(size(shape), seed * 3 + i), shape));

/** tfjs-webgpu's compiled pipelines whose key starts with ours (private: counted to catch recompiles). */
function sgdPipelines(): number {
  const cache = (tf.backend() as unknown as { pipelineCache: Record<string, unknown> }).pipelineCache;
  expect(cache).toBeTypeOf('object');
  return Object.keys(cache).filter((k) => k.startsWith('sgdVelocity')).length;
}

beforeAll(async () => {
  registerWebGpuTrainingKernels();
  await startWebGpu();
});

describe('SgdVelocity on webgpu', () => {
  describe.each(SHAPES.map((shape) => ({ shape })))('shape $shape', ({ shape }) => {
    it.each(PARAMS)('μ $momentum, ε $lr, λ $weightDecay equals the ops on cpu', async (a) => {
      const { cpu, gpu } = await onCpuAndWebGpu(() => {
        const [v, w, g] = inputs(shape, shape.length);
        return [velocity(v, w, g, a)];
      });
      expectClose(gpu[0], cpu[0], `[${shape}]`, TOLERANCE);
    });
  });

  it('serves every learning rate with one pipeline, the values following the rate', async () => {
    const [v, w, g] = inputs([3, 4], 7);
    const run = async (a: SgdVelocityAttrs) => {
      const out = velocity(v, w, g, a);
      const data = (await out.data()) as Float32Array;
      out.dispose();
      return data;
    };
    const first = await run(PARAMS[0]);
    const pipelines = sgdPipelines();
    expect(pipelines).toBeGreaterThan(0);
    const [vd, wd, gd] = await Promise.all([v, w, g].map((t) => t.data()));
    for (const lr of [0.02, 0.005, 1e-4]) {
      const a = { ...PARAMS[0], lr };
      const got = await run(a);
      const want = Float32Array.from(vd, (x, i) => a.momentum * x - a.weightDecay * lr * wd[i] - lr * gd[i]);
      expectClose(got, want, `lr ${lr}`, TOLERANCE);
      expect(got).not.toEqual(first);
    }
    expect(sgdPipelines()).toBe(pipelines);
    tf.dispose([v, w, g]);
  });

  it('keeps the tensor count and bytes flat', async () => {
    const [v, w, g] = inputs([1024, 513], 3);
    await expectFlatMemory(async () => {
      const out = velocity(v, w, g, PARAMS[1]);
      await out.data();
      out.dispose();
    });
    tf.dispose([v, w, g]);
  });
});

/** Variables of the kernel test's shapes; the last has no gradient (sgdStep must leave it be). */
function threeSteps(): tf.Tensor[] {
  const ws = SHAPES.map((s, i) => tf.variable(tf.tensor(values(size(s), 10 + i), s), true));
  const state = createSgdState(ws);
  // Rates and momenta change between steps, as with the schedule.
  const steps = [
    { lr: 0.05, momentum: 0.9, wd: 5e-4 },
    { lr: 0.01, momentum: 0.9, wd: 5e-4 },
    { lr: 0.2, momentum: 0.5, wd: 0.05 },
  ];
  steps.forEach(({ lr, momentum, wd }, k) => {
    const grads = Object.fromEntries(
      ws.slice(0, -1).map((w, i) => [w.name, tf.tensor(values(w.size, 100 * k + i), w.shape)]),
    );
    sgdStep(state, ws, grads, lr, momentum, wd);
    tf.dispose(Object.values(grads));
  });
  const out = [...ws, ...state.velocity.values()].map((t) => t.clone());
  tf.dispose(ws);
  disposeSgdState(state);
  return out;
}

describe('sgdStep on webgpu', () => {
  it('matches sgdStep on cpu over three steps (weights and velocities)', async () => {
    const { cpu, gpu } = await onCpuAndWebGpu(threeSteps);
    expect(cpu.length).toBe(2 * SHAPES.length);
    cpu.forEach((c, i) => {
      // The last velocity never moved from zero: compare it exactly.
      if (i === cpu.length - 1) expect(gpu[i].every((x) => x === 0)).toBe(true);
      else expectClose(gpu[i], c, `output ${i}`, TOLERANCE);
    });
  });

  it('runs SgdVelocity + Add per variable with our kernels, the ops with stock ones', async () => {
    const ws = [tf.variable(tf.ones([4, 5]), true), tf.variable(tf.ones([6]), true)];
    const state = createSgdState(ws);
    const grads = Object.fromEntries(ws.map((w) => [w.name, tf.onesLike(w)]));
    const names = async () => {
      const info = await tf.profile(() => sgdStep(state, ws, grads, 0.01, 0.9, 5e-4));
      const count = (n: string) => info.kernels.filter((k) => k.name === n).length;
      return { sgd: count(SGD_VELOCITY), add: count('Add'), mul: count('Multiply'), sub: count('Sub') };
    };
    try {
      expect(await names()).toEqual({ sgd: 2, add: 2, mul: 0, sub: 0 });
      registerWebGpuTrainingKernels({ ours: false });
      expect(tf.getKernel(SGD_VELOCITY, 'webgpu')).toBeUndefined();
      expect(await names()).toEqual({ sgd: 0, add: 2, mul: 6, sub: 4 });
    } finally {
      registerWebGpuTrainingKernels();
      tf.dispose([...ws, ...Object.values(grads)]);
      disposeSgdState(state);
    }
  });

  it('leaves no tensors behind across steps', async () => {
    const w = tf.variable(tf.tensor(values(size([5, 5, 3, 64]), 5), [5, 5, 3, 64]), true);
    const state = createSgdState([w]);
    const g = tf.tensor(values(w.size, 6), w.shape);
    await expectFlatMemory(async () => {
      sgdStep(state, [w], { [w.name]: g }, 0.01, 0.9, 5e-4);
      await w.data();
    });
    tf.dispose([w, g]);
    disposeSgdState(state);
  });
});
