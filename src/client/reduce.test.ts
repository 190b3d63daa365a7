import { describe, expect, it } from 'vitest';
import { applyPatch, reduce, reduceSteps, type Incoming } from './reduce';
import { createAppStore } from '../store';
import { emptyRun } from '../store/runSlice';
import { problem } from '../shared/problem';
import type { BackendInfo, CheckpointInfo, EvalMetrics, StepMetrics } from '../shared/protocol';
import type { DatasetSummary } from '../shared/dataset';
import type { FilterTiles, Inspection, ModelOrigin, TestInsight } from '../shared/inspect';
import { defaultConfig } from '../model/spec';

const fresh = () => createAppStore().getState();

const backend: BackendInfo = { name: 'wasm', adapter: 'CPU', reason: problem('backend.noWebGpu') };
const summary = (batches: number[]) =>
  ({
    source: { kind: 'embedded', description: { code: 'test.test' } },
    trainCount: 10 * batches.length,
    testCount: 10,
    trainPerClass: [],
    testPerClass: [],
    batches: batches.map((batch) => ({ batch, count: 10, perClass: [] })),
    samples: [],
    loadMs: 1,
  }) satisfies DatasetSummary;
const step = (n: number): StepMetrics => ({
  step: n,
  epoch: 1,
  epochProgress: n / 10,
  loss: 2 / n,
  batchAcc: 0.1,
  learningRate: 0.01 * n,
  imagesPerSec: 100,
  msPerStep: 10,
  etaEpochS: 1,
  etaRunS: 2,
});
const evalAt = (n: number): EvalMetrics => ({
  step: n,
  epoch: 1,
  kind: 'epoch',
  trainAcc: 0.5,
  trainLoss: 1,
  testAcc: 0.4,
  testLoss: 1.2,
  top1Error: 0.6,
  top5Error: 0.2,
  testCount: 10,
});
const origin: ModelOrigin = { source: 'loaded', config: defaultConfig('paper'), seed: 7, epochs: 3 };
const checkpoint = { epoch: 1, step: 4, savedAt: 5 } as CheckpointInfo;
const inspection = (id: number) => ({ id }) as Inspection;
const tiles = (id: number) => ({ id }) as FilterTiles;
const insight = (id: number) => ({ id }) as TestInsight;
const settings = { seed: 3 } as never;

/**
 * One message of every type the reducer hears, with the patch it must give in a fresh state
 * (keyed by type, so a new message type fails to compile here until it has a case).
 */
const cases: { [T in Incoming['type']]: [Extract<Incoming, { type: T }>, unknown] } = {
  backend: [{ type: 'backend', info: backend }, { dataset: { backend } }],
  'data-progress': [
    { type: 'data-progress', loaded: 5, total: 60_000, what: problem('data.progress.manifest') },
    { dataset: { dataProgress: { loaded: 5, total: 60_000, what: problem('data.progress.manifest') } } },
  ],
  dataset: [
    { type: 'dataset', summary: summary([1, 2]) },
    {
      dataset: { dataset: summary([1, 2]), dataError: null, dataProgress: null, loadingFiles: false },
      settings: { batches: [1, 2] },
    },
  ],
  'data-error': [
    { type: 'data-error', problem: problem('data.noFiles') },
    { dataset: { dataError: problem('data.noFiles'), dataProgress: null, loadingFiles: false } },
  ],
  'run-state': [
    { type: 'run-state', state: 'done', problem: problem('run.stopped') },
    { run: { runState: 'done', runMessage: problem('run.stopped'), runWarning: null } },
  ],
  step: [
    { type: 'step', metrics: step(1) },
    { run: { latestStep: step(1), series: { step: [1], loss: [2], lr: [0.01], version: 1 } } },
  ],
  eval: [{ type: 'eval', metrics: evalAt(4) }, { run: { evals: [evalAt(4)] } }],
  log: [
    { type: 'log', level: 'warn', problem: problem('device.noneToLose') },
    { run: { runWarning: problem('device.noneToLose') } },
  ],
  'device-lost': [{ type: 'device-lost', reason: problem('device.webglLost') }, {}],
  'guard-tripped': [
    {
      type: 'guard-tripped',
      problem: problem('guard.nonFiniteWeights'),
      step: 3,
      layer: 'conv3',
      offerWasm: true,
    },
    {
      run: {
        guardTrip: { problem: problem('guard.nonFiniteWeights'), step: 3, layer: 'conv3', offerWasm: true },
      },
    },
  ],
  'limits-refused': [
    { type: 'limits-refused', problem: problem('limits.tooBig'), batch: 36 },
    { run: { limitsRefusal: { problem: problem('limits.tooBig'), batch: 36 } } },
  ],
  checkpoint: [{ type: 'checkpoint', info: checkpoint }, { run: { checkpoint } }],
  'checkpoint-saved': [
    { type: 'checkpoint-saved', epoch: 2, step: 8, savedAt: 9 },
    { run: { savedCheckpoint: { epoch: 2, step: 8, savedAt: 9 }, runWarning: null } },
  ],
  // A fresh state asked for nothing yet (ids 0): only an answer to id 0 counts.
  inspection: [
    { type: 'inspection', result: inspection(0) },
    { inspect: { inspection: inspection(0), inspectBusy: false } },
  ],
  'filter-tiles': [{ type: 'filter-tiles', result: tiles(0) }, { inspect: { filters: tiles(0) } }],
  'test-insight-result': [
    { type: 'test-insight-result', result: insight(0) },
    { inspect: { insight: insight(0), insightBusy: false } },
  ],
  'inspect-error': [
    { type: 'inspect-error', what: 'inspect', problem: problem('image.pdf') },
    { inspect: { inspectError: problem('image.pdf'), inspectBusy: false, inspection: null } },
  ],
  'model-saved': [
    {
      type: 'model-saved',
      json: '{}',
      weights: new ArrayBuffer(4),
      jsonName: 'm.json',
      weightsName: 'm.bin',
    },
    { inspect: { modelFileBusy: false, modelFileNote: { kind: 'saved', names: 'm.json + m.bin' } } },
  ],
  'model-loaded': [
    { type: 'model-loaded', origin, name: 'm.json' },
    {
      inspect: {
        liveModel: origin,
        modelFileBusy: false,
        modelFileNote: { kind: 'loaded', names: 'm.json' },
      },
      settings: { config: origin.config, seed: 7 },
    },
  ],
  'model-changed': [{ type: 'model-changed', origin }, { inspect: { liveModel: origin } }],
  started: [
    { type: 'started', settings },
    { run: { runState: 'training', runSettings: settings, checkpoint: null, ...emptyRun() } },
  ],
  'worker-lost': [
    { type: 'worker-lost', problem: problem('worker.crashed', { detail: 'x' }) },
    {
      run: {
        runState: 'error',
        runMessage: problem('worker.crashed', { detail: 'x' }),
        guardTrip: null,
        limitsRefusal: null,
      },
      dataset: { dataset: null, dataProgress: null, loadingFiles: false, backend: null },
    },
  ],
  'files-requested': [{ type: 'files-requested' }, { dataset: { loadingFiles: true } }],
  'checkpoint-discarded': [{ type: 'checkpoint-discarded' }, { run: { checkpoint: null } }],
};

describe('reduce', () => {
  for (const [type, [msg, patch]] of Object.entries(cases)) {
    it(`${type}: gives its patch`, () => {
      expect(reduce(fresh(), msg as Incoming)).toEqual(patch);
    });
  }

  it('keeps the ticked batches the new data has, or all of its batches when none is left', () => {
    const s = { ...fresh(), data: { ...fresh().data, batches: [2, 5] } };
    expect(reduce(s, { type: 'dataset', summary: summary([1, 2, 3]) }).settings).toEqual({ batches: [2] });
    expect(reduce(s, { type: 'dataset', summary: summary([1, 3]) }).settings).toEqual({ batches: [1, 3] });
  });

  it('drops an answer to an older request, and each kind of error lands by its kind', () => {
    const s = { ...fresh(), requestIds: { inspect: 4, filters: 5, insight: 6 } };
    expect(reduce(s, { type: 'inspection', result: inspection(3) })).toEqual({});
    expect(reduce(s, { type: 'filter-tiles', result: tiles(4) })).toEqual({});
    expect(reduce(s, { type: 'test-insight-result', result: insight(5) })).toEqual({});
    expect(reduce(s, { type: 'inspection', result: inspection(4) }).inspect?.inspection).toEqual(
      inspection(4),
    );
    const p = problem('model.notJson');
    expect(reduce(s, { type: 'inspect-error', what: 'insight', problem: p })).toEqual({
      inspect: { insightError: p, insightBusy: false },
    });
    expect(reduce(s, { type: 'inspect-error', what: 'load', problem: p })).toEqual({
      inspect: { modelFileNote: { kind: 'error', problem: p }, modelFileBusy: false },
    });
    expect(reduce(s, { type: 'inspect-error', what: 'filters', problem: p })).toEqual({});
  });

  it('keeps a storage warning through pause and resume, until a checkpoint saves or the run ends', () => {
    const store = createAppStore();
    const apply = (msg: Incoming) => applyPatch(store.getState(), reduce(store.getState(), msg));
    const full = problem('storage.checkpointFull', { makeRoom: problem('storage.makeRoom') });
    apply({ type: 'log', level: 'warn', problem: full });
    apply({ type: 'run-state', state: 'paused' });
    apply({ type: 'run-state', state: 'training' });
    expect(store.getState().runWarning).toEqual(full);
    apply({ type: 'checkpoint-saved', epoch: 1, step: 4, savedAt: 1 });
    expect(store.getState().runWarning).toBeNull();
    apply({ type: 'log', level: 'warn', problem: full });
    apply({ type: 'run-state', state: 'done' });
    expect(store.getState().runWarning).toBeNull();
  });

  it('ignores info logs and appends evaluations to the ones before', () => {
    expect(reduce(fresh(), { type: 'log', level: 'info', problem: problem('run.stopped') })).toEqual({});
    const s = { ...fresh(), evals: [evalAt(1)] };
    expect(reduce(s, { type: 'eval', metrics: evalAt(2) }).run?.evals).toEqual([evalAt(1), evalAt(2)]);
    expect(s.evals).toEqual([evalAt(1)]);
  });
});

describe('reduceSteps and applyPatch', () => {
  it('appends steps as new arrays and leaves the old series as it was', () => {
    const store = createAppStore();
    applyPatch(store.getState(), reduceSteps(store.getState(), [step(1), step(2)]));
    const before = store.getState().series;
    applyPatch(store.getState(), reduceSteps(store.getState(), [step(3)]));
    const after = store.getState().series;
    expect(before).toEqual({ step: [1, 2], loss: [2, 1], lr: [0.01, 0.02], version: 1 });
    expect(after.step).toEqual([1, 2, 3]);
    expect(after.lr).toEqual([0.01, 0.02, 0.03]);
    expect(after.version).toBe(2);
    expect(after.step).not.toBe(before.step);
    expect(store.getState().latestStep).toEqual(step(3));
    expect(reduceSteps(store.getState(), [])).toEqual({});
  });

  it('writes each slice through its own action, and the settings that follow the Worker', () => {
    const store = createAppStore();
    applyPatch(store.getState(), reduce(store.getState(), { type: 'model-loaded', origin, name: 'm.json' }));
    const s = store.getState();
    expect(s.liveModel).toEqual(origin);
    expect(s.config).toEqual(origin.config);
    expect(s.seed).toBe(7);
    applyPatch(s, reduce(s, { type: 'dataset', summary: summary([3]) }));
    expect(store.getState().data.batches).toEqual([3]);
    expect(store.getState().dataset?.trainCount).toBe(10);
  });
});
