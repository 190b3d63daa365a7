import { describe, expect, it } from 'vitest';
import { exportExperiment, importExperiment, mergeRuns } from './experiment';
import { fakeRun } from './testData.testing';

const runs = () => [
  fakeRun('a', {}, 1, { top1: [0.5, 0.4] }),
  fakeRun('b', { lrn: false }, 2, { top1: [0.6] }),
];

describe('experiment file', () => {
  it('round-trips runs and the baseline', () => {
    const text = exportExperiment(runs(), 'a', new Date(0));
    const res = importExperiment(text);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.runs).toEqual(runs());
    expect(res.baselineId).toBe('a');
  });

  it('keeps a non-finite value as NaN (JSON writes it as null)', () => {
    const r = runs();
    r[0].steps.loss[3] = NaN;
    const res = importExperiment(exportExperiment(r, null, new Date(0)));
    expect(res.ok && Number.isNaN(res.runs[0].steps.loss[3])).toBe(true);
  });

  it('refuses what is not JSON, a foreign file, a newer format, and damaged runs, with a code', () => {
    const why = (text: string) => {
      const r = importExperiment(text);
      return r.ok ? 'accepted' : { problem: r.problem, detail: r.detail };
    };
    expect(why('PK\u0003\u0004 zip')).toEqual({ problem: { code: 'experiment.notJson' } });
    expect(why('{"hello": 1}')).toEqual({ problem: { code: 'experiment.notExperiment' } });
    expect(why('{"format":"alexnet-lab-experiment","version":99,"runs":[]}')).toEqual({
      problem: { code: 'experiment.newerVersion', params: { version: '99', supported: 1 } },
    });
    const good = JSON.parse(exportExperiment(runs(), null, new Date(0)));
    good.runs[1].settings.config.activation = 'swish';
    expect(why(JSON.stringify(good))).toEqual({
      problem: { code: 'experiment.damaged', params: { run: 2 } },
      detail: {
        code: 'value.notChoice',
        params: { name: 'settings.config.activation', value: 'swish', choices: 'relu, tanh, sigmoid' },
      },
    });
    const short = JSON.parse(exportExperiment(runs(), null, new Date(0)));
    short.runs[0].steps.loss.pop();
    expect(why(JSON.stringify(short))).toEqual({
      problem: { code: 'experiment.damaged', params: { run: 1 } },
      detail: { code: 'experiment.stepColumns' },
    });
    const badEval = JSON.parse(exportExperiment(runs(), null, new Date(0)));
    badEval.runs[0].evals[0].top1Error = 7;
    expect(why(JSON.stringify(badEval))).toEqual({
      problem: { code: 'experiment.damaged', params: { run: 1 } },
      detail: { code: 'value.outOfRange', params: { name: 'evals[0].top1Error', value: 7, min: 0, max: 1 } },
    });
  });

  it('reads a run the CLI wrote without quick mode (quick sizes 0) with the default sizes', () => {
    const file = JSON.parse(exportExperiment(runs(), null, new Date(0)));
    file.runs[0].settings.data = { ...file.runs[0].settings.data, quick: false, quickTrain: 0, quickTest: 0 };
    const res = importExperiment(JSON.stringify(file));
    expect(res.ok && res.runs[0].settings.data).toEqual({
      batches: [1, 2, 3, 4, 5],
      quick: false,
      quickTrain: 1000,
      quickTest: 500,
    });
    file.runs[0].settings.data.quick = true;
    const quick = importExperiment(JSON.stringify(file));
    expect(quick.ok ? 'accepted' : quick.detail?.code).toBe('value.outOfRange');
  });

  it('a run still training when exported arrives stopped', () => {
    const r = runs();
    r[0].status = 'training';
    const res = importExperiment(exportExperiment(r, null, new Date(0)));
    expect(res.ok && res.runs[0].status).toBe('stopped');
  });

  it('merging skips runs already in the list', () => {
    const [a, b] = runs();
    const c = fakeRun('c', {}, 3, { top1: [0.5] });
    const m = mergeRuns([a], [b, a, c, c]);
    expect(m.runs.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(m.added).toBe(2);
    expect(m.skipped).toBe(2);
  });
});

describe('optional recipe parts', () => {
  it('augmentation, schedule and tta survive a round trip; a bad schedule is refused', () => {
    const r = runs();
    r[0].settings = {
      ...r[0].settings,
      augment: { flip: true, crop: true, pcaColor: false },
      schedule: { kind: 'cosine', warmupEpochs: 1, stepEpochs: 10, stepFactor: 0.1 },
      tta: true,
    };
    const res = importExperiment(exportExperiment(r, null, new Date(0)));
    expect(res.ok && res.runs[0].settings).toEqual(r[0].settings);
    const bad = JSON.parse(exportExperiment(r, null, new Date(0)));
    bad.runs[0].settings.schedule.kind = 'wild';
    const back = importExperiment(JSON.stringify(bad));
    expect(back.ok ? 'accepted' : back.detail).toEqual({
      code: 'value.notChoice',
      params: { name: 'settings.schedule.kind', value: 'wild', choices: 'constant, step, cosine' },
    });
  });
});

describe('the e2e fixture (a format-1 file as written by hand)', () => {
  it('still imports', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../e2e/fixtures/experiment-v1.json', import.meta.url), 'utf8');
    const res = importExperiment(text);
    expect(res.ok ? res.runs.map((r) => r.variant) : res).toEqual(['baseline', 'no LRN']);
  });
});
