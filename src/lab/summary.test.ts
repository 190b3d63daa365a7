import { describe, expect, it } from 'vitest';
import { checkHead, digestSteps, headOf, joinRun, reachedFromDigest, stripSteps } from './summary';
import { reachedTarget, summarize } from './stats';
import { scorecard } from './scorecard';
import { fakeRun } from './testData.testing';
import { InvalidInput } from './validate';

const runs = [
  fakeRun('a', {}, 1, { top1: [0.6, 0.5], finalBatchAcc: 0.8 }),
  fakeRun('b', { lrn: false }, 1, { top1: [0.65, 0.55], finalBatchAcc: 0.6 }),
  fakeRun('c', {}, 2, { top1: [0.62, 0.52], finalBatchAcc: 0.9 }),
  fakeRun('d', { lrn: false }, 2, { top1: [0.64, 0.56], finalBatchAcc: 0.3 }),
];

describe('run summaries', () => {
  it('answer every whole-percent target exactly as the steps do', () => {
    for (const r of runs) {
      const d = digestSteps(r.steps);
      for (let p = 1; p <= 100; p++) expect(reachedFromDigest(d, p / 100)).toEqual(reachedTarget(r, p / 100));
    }
  });

  it('give the same summaries and scorecard as the full records, for any whole-percent target', () => {
    const heads = runs.map(headOf);
    for (const target of [0.2, 0.5, 0.75]) {
      heads.forEach((h, i) => expect(summarize(h, target)).toEqual(summarize(runs[i], target)));
      expect(scorecard(heads, heads[0], target)).toEqual(scorecard(runs, runs[0], target));
    }
  });

  it('hold no steps, and join back into the same record', () => {
    const h = headOf(runs[0]);
    expect('steps' in h).toBe(false);
    expect(h.digest.count).toBe(200);
    expect(h.digest.lastStep).toBe(200);
    expect(h.digest.meanImagesPerSec).toBe(20);
    expect(JSON.stringify(h).length).toBeLessThan(JSON.stringify(runs[0]).length / 3);
    expect(joinRun(h, runs[0].steps)).toEqual(runs[0]);
    expect(stripSteps({ ...h, steps: runs[0].steps })).toEqual(h);
  });

  it('of a run without steps have an empty digest', () => {
    const d = digestSteps({ step: [], epoch: [], seconds: [], loss: [], batchAcc: [], imagesPerSec: [] });
    expect(d).toEqual({ count: 0, lastStep: 0, lastSeconds: 0, meanImagesPerSec: null, reach: [] });
    expect(reachedFromDigest(d, 0.5)).toBeNull();
  });

  it('are checked when read back; a damaged one is refused', () => {
    const h = headOf(runs[1]);
    expect(checkHead(structuredClone(h))).toEqual(h);
    expect(() => checkHead({ ...h, digest: { ...h.digest, reach: [1, 2] } })).toThrow(InvalidInput);
    expect(() => checkHead({ ...h, digest: undefined })).toThrow(InvalidInput);
    expect(() => checkHead({ ...h, name: 5 })).toThrow(InvalidInput);
  });
});

describe('the version-1 migration step', () => {
  it('splits an old record into its summary and its steps', async () => {
    const { splitV1 } = await import('./storedRuns');
    const old = structuredClone(runs[2]);
    const split = splitV1(old);
    expect(split?.head).toEqual(headOf(runs[2]));
    expect(split?.steps).toEqual({ id: 'c', steps: runs[2].steps });
  });
  it('leaves damaged or already split records alone', async () => {
    const { splitV1 } = await import('./storedRuns');
    expect(splitV1({ ...runs[0], settings: null })).toBeNull();
    expect(splitV1(headOf(runs[0]))).toBeNull();
    expect(splitV1('x')).toBeNull();
  });
});
