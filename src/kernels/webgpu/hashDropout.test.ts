// Our webgpu HashDropout against the reference loop of src/model/dropout.ts (exactly: the mask
// is integer arithmetic, the scaling one float32 multiply) and against the cpu kernel through a
// gradient; one dispatch forward and one backward; a flat tensor count. The kernels are
// registered here whether or not index.ts registers them.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropout } from '../../model/dropout';
import { HASH_DROPOUT, hashDropoutReference } from '../../shared/customOps';
import { values } from '../common/compareBackends.testing';
import { hashDropoutCpuConfig } from '../cpu/hashDropout';
import { hashDropoutConfig } from './hashDropout';
import { expectFlatMemory, onCpuAndWebGpu, startWebGpu } from './testing';

beforeAll(async () => {
  for (const config of [hashDropoutConfig, hashDropoutCpuConfig]) {
    if (tf.getKernel(HASH_DROPOUT, config.backendName)) tf.unregisterKernel(HASH_DROPOUT, config.backendName);
    tf.registerKernel(config);
  }
  await startWebGpu();
});

describe('HashDropout on webgpu (ours)', () => {
  // A ragged 1-D length, a conv activation, the paper's FC6 at batch 128; rates and seeds vary,
  // seeds past 2^31 included.
  const cases: [number[], number, number][] = [
    [[7], 0.5, 1],
    [[3, 13, 13, 96], 0.2, 2 ** 31 + 5],
    [[128, 4096], 0.5, 123456789],
  ];
  it.each(cases)('%j at rate %f, seed %i, equals the reference exactly', async (shape, rate, seed) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const x = values(n, 1);
    const y = dropout(tf.tensor(x, shape), rate, seed);
    expect(y.shape).toEqual(shape);
    const got = (await y.data()) as Float32Array;
    const want = hashDropoutReference(x, { rate, seed });
    let differing = 0;
    for (let i = 0; i < n; i++) if (got[i] !== want[i]) differing++;
    expect(differing).toBe(0);
    y.dispose();
  });

  it('gives the cpu gradient (same mask backward) and runs one kernel each way', async () => {
    const shape = [4, 6, 6, 8];
    const x = values(4 * 6 * 6 * 8, 2);
    const w = values(4 * 6 * 6 * 8, 3);
    const lossAndGrad = () => {
      const { value, grad } = tf.valueAndGrad((t: tf.Tensor) =>
        tf.sum(tf.mul(dropout(t, 0.5, 99), tf.tensor(w, shape))),
      )(tf.tensor(x, shape));
      return [value, grad];
    };
    const { cpu, gpu } = await onCpuAndWebGpu(lossAndGrad);
    expect(Array.from(gpu[1])).toEqual(Array.from(cpu[1]));
    expect(Math.abs(gpu[0][0] - cpu[0][0])).toBeLessThan(1e-4 * Math.abs(cpu[0][0]) + 1e-4);
    await tf.setBackend('webgpu');
    const profile = await tf.profile(() => tf.tidy(() => lossAndGrad()[1]));
    const dropouts = profile.kernels.filter((k) => k.name === HASH_DROPOUT).length;
    expect(dropouts).toBe(2);
    expect(profile.kernelNames).not.toContain('Floor');
    tf.dispose(profile.result as tf.Tensor);
  });

  it('keeps the tensor count flat across repeated steps', async () => {
    await tf.setBackend('webgpu');
    const x = tf.tensor(values(2 * 9 * 9 * 4, 4), [2, 9, 9, 4]);
    const once = async () => {
      const g = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(dropout(t, 0.5, 5)))(x));
      await g.data();
      g.dispose();
    };
    await expectFlatMemory(once);
    x.dispose();
  });
});
