import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countTfParams, createModel } from './build';
import { computeShapes, totals } from './shapes';
import { allConfigs, buildSpec, defaultConfig } from './spec';
import type { ModelConfig } from '../shared/types';

// Forward passes run on wasm (XNNPACK): the paper preset's 1.1 G multiply-adds take seconds on cpu.
beforeAll(async () => {
  setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  await tf.ready();
});

const label = (c: ModelConfig) =>
  `${c.preset} ${c.activation} lrn=${c.lrn} drop=${c.dropout} ${c.pooling} grouped=${c.grouped} width=${c.width ?? '1'}`;

/**
 * Output shapes (batch dropped) and variable sizes that TF.js produced, against the spec's table.
 * batch = 0 checks the variables only.
 */
function checkAgainstTf(config: ModelConfig, batch: number) {
  const spec = buildSpec(config);
  const rows = computeShapes(spec);
  const model = createModel(spec, 1, { init: 'zeros' });
  try {
    expect(countTfParams(model), label(config)).toBe(totals(rows).params);
    for (const row of rows) {
      if (row.params === 0) continue;
      const size = model.params.filter((p) => p.layer === row.name).reduce((s, p) => s + p.variable.size, 0);
      expect(size, `${label(config)} ${row.name}`).toBe(row.params);
    }
    if (batch === 0) return;
    tf.tidy(() => {
      const x = tf.randomNormal([batch, 32, 32, 3]) as tf.Tensor4D;
      const { logits, activations } = model.forwardWithActivations(x, { training: true, dropoutSeed: 3 });
      expect(logits.shape).toEqual([batch, 10]);
      expect(activations.map((a) => a.name)).toEqual(rows.map((r) => r.name));
      activations.forEach((a, i) => {
        expect(a.kind).toBe(rows[i].kind);
        expect(a.tensor.shape, `${label(config)} ${a.name}`).toEqual([batch, ...rows[i].outShape]);
      });
    });
  } finally {
    model.dispose();
  }
}

describe('built model agrees with the spec', () => {
  it('cifar preset: every toggle combination, forward shapes and variable sizes', () => {
    for (const c of allConfigs('cifar')) checkAgainstTf(c, 2);
  });

  it('paper preset: variable sizes for every combination, forward shapes for a covering subset', async () => {
    // Activation, LRN and dropout add entries but no variables; pooling and grouping change sizes.
    // Variable sizes are checked for all 48 combinations on cpu (zero-filled, no copy to wasm);
    // the forward pass (1.1 G multiply-adds) runs for 4 that cover every toggle value and every
    // pooling × grouping pair.
    await tf.setBackend('cpu');
    for (const c of allConfigs('paper')) checkAgainstTf(c, 0);
    await tf.setBackend('wasm');
    const covering: Partial<ModelConfig>[] = [
      { activation: 'relu', lrn: true, dropout: true, pooling: 'overlapping', grouped: false },
      { activation: 'tanh', lrn: false, dropout: true, pooling: 'non-overlapping', grouped: true },
      { activation: 'sigmoid', lrn: true, dropout: false, pooling: 'overlapping', grouped: true },
      { activation: 'relu', lrn: false, dropout: false, pooling: 'non-overlapping', grouped: false },
    ];
    for (const c of covering) checkAgainstTf({ ...defaultConfig('paper'), ...c }, 1);
  });

  it('narrower widths: the built variables and forward shapes match the spec, grouped and not', () => {
    for (const width of ['1/2', '1/4'] as const)
      for (const grouped of [false, true]) {
        checkAgainstTf({ ...defaultConfig('cifar'), width, grouped }, 2);
        checkAgainstTf({ ...defaultConfig('cifar'), width, grouped, pooling: 'non-overlapping' }, 2);
      }
  });
});

/** Root mean square: the standard deviation of zero-mean weights. */
function rms(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s / values.length);
}

describe('createModel', () => {
  it('is seeded: same seed same weights, other seed other weights; He std and bias init as specified', () => {
    const spec = buildSpec(defaultConfig('cifar'));
    const a = createModel(spec, 42);
    const b = createModel(spec, 42);
    const c = createModel(spec, 43);
    try {
      const w = (m: typeof a, i: number) => m.variables[i].dataSync();
      expect(Array.from(w(a, 0))).toEqual(Array.from(w(b, 0)));
      expect(Array.from(w(a, 8))).toEqual(Array.from(w(b, 8)));
      expect(Array.from(w(a, 0))).not.toEqual(Array.from(w(c, 0)));
      // Kernels of one model differ from each other (per-variable seeds).
      expect(w(a, 2).slice(0, 10)).not.toEqual(w(a, 4).slice(0, 10));
      const conv3 = a.params.find((p) => p.layer === 'conv3' && p.role === 'kernel')!.variable;
      const v = conv3.dataSync();
      const std = rms(v);
      expect(std).toBeCloseTo(Math.sqrt(2 / (3 * 3 * 192)), 3);
    } finally {
      [a, b, c].forEach((m) => m.dispose());
    }
  });

  it('paper init: N(0, 0.01) kernels, biases 1 in conv2/4/5 and fc6/7', () => {
    const m = createModel(buildSpec(defaultConfig('paper')), 7);
    try {
      const bias = (layer: string) =>
        m.params.find((p) => p.layer === layer && p.role === 'bias')!.variable.dataSync();
      expect(new Set(['conv1', 'conv3', 'fc8'].map((l) => Math.max(...bias(l))))).toEqual(new Set([0]));
      for (const l of ['conv2', 'conv4', 'conv5', 'fc6', 'fc7'])
        expect(new Set(bias(l))).toEqual(new Set([1]));
      const k = m.params.find((p) => p.layer === 'conv2' && p.role === 'kernel')!.variable.dataSync();
      const std = rms(k);
      expect(std).toBeCloseTo(0.01, 4);
    } finally {
      m.dispose();
    }
  });

  it('dropout: seeded masks repeat, inference is deterministic and differs from training', () => {
    const m = createModel(buildSpec(defaultConfig('cifar')), 5);
    try {
      tf.tidy(() => {
        const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
        const t1 = m.forward(x, { training: true, dropoutSeed: 11 }).dataSync();
        const t2 = m.forward(x, { training: true, dropoutSeed: 11 }).dataSync();
        const t3 = m.forward(x, { training: true, dropoutSeed: 12 }).dataSync();
        const e1 = m.forward(x, { training: false }).dataSync();
        const e2 = m.forward(x, { training: false }).dataSync();
        expect(Array.from(t1)).toEqual(Array.from(t2));
        expect(Array.from(t1)).not.toEqual(Array.from(t3));
        expect(Array.from(e1)).toEqual(Array.from(e2));
        expect(Array.from(e1)).not.toEqual(Array.from(t1));
      });
    } finally {
      m.dispose();
    }
  });

  it('inference fuses conv/dense + bias + relu/sigmoid: same logits as the entry-by-entry pass', () => {
    // forwardWithActivations never fuses (it keeps every entry's output), so it is the reference.
    // Biases are set non-zero so that a dropped bias would show.
    const variants: Partial<ModelConfig>[] = [
      { activation: 'relu' },
      { activation: 'sigmoid', grouped: true },
      { activation: 'tanh', lrn: false, pooling: 'non-overlapping' },
    ];
    for (const v of variants) {
      const config = { ...defaultConfig('cifar'), ...v };
      const m = createModel(buildSpec(config), 3);
      try {
        tf.tidy(() => {
          for (const p of m.params.filter((q) => q.role === 'bias'))
            p.variable.assign(tf.randomUniform(p.variable.shape, -0.5, 0.5, 'float32', 4));
          const x = tf.randomNormal([3, 32, 32, 3], 0, 1, 'float32', 8) as tf.Tensor4D;
          const fused = m.forward(x, { training: false }).dataSync();
          const reference = m.forwardWithActivations(x).logits.dataSync();
          let worst = 0;
          for (let i = 0; i < fused.length; i++)
            worst = Math.max(worst, Math.abs(fused[i] - reference[i]) / (1 + Math.abs(reference[i])));
          expect(worst, label(config)).toBeLessThan(1e-5);
          expect(Math.max(...reference.map(Math.abs)), label(config)).toBeGreaterThan(1e-3);
        });
      } finally {
        m.dispose();
      }
    }
  });

  it('inference runs the fused kernels (FusedConv2D, _FusedMatMul) and no separate Relu', async () => {
    const m = createModel(buildSpec(defaultConfig('cifar')), 3);
    const x = tf.randomNormal([1, 32, 32, 3]) as tf.Tensor4D;
    try {
      const infer = await tf.profile(() => m.forward(x, { training: false }));
      const names = new Set(infer.kernels.map((k) => k.name));
      expect(names).toContain('FusedConv2D');
      expect(names).toContain('_FusedMatMul');
      expect(names).not.toContain('Relu');
      // tf.profile reuses one object per engine: free this result before the next profile.
      tf.dispose(infer.result as tf.Tensor);
      // Training keeps the plain kernels (the tape differentiates them; see applyFusedLayer).
      const train = await tf.profile(() => m.forward(x, { training: true, dropoutSeed: 1 }));
      expect(new Set(train.kernels.map((k) => k.name))).toContain('Conv2D');
      tf.dispose(train.result as tf.Tensor);
    } finally {
      x.dispose();
      m.dispose();
    }
  });

  it('forward inside tf.tidy keeps the tensor count flat; dispose frees the variables', () => {
    // Every model of the earlier tests was disposed: nothing may be left.
    expect(tf.memory().numTensors).toBe(0);
    const before = tf.memory().numTensors;
    const m = createModel(buildSpec({ ...defaultConfig('cifar'), grouped: true }), 1);
    const x = tf.randomNormal([2, 32, 32, 3]) as tf.Tensor4D;
    const counts: number[] = [];
    for (let i = 0; i < 4; i++) {
      tf.tidy(() => {
        m.forward(x, { training: true, dropoutSeed: i });
        const { activations } = m.forwardWithActivations(x);
        expect(activations.length).toBeGreaterThan(0);
      });
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
    x.dispose();
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
