import { describe, expect, it } from 'vitest';
import { checkedHeads } from './storedRuns';
import { headOf } from './summary';
import { fakeRun } from './testData.testing';

describe('checkedHeads', () => {
  it('keeps valid summaries in order and leaves damaged records out', () => {
    const a = headOf(fakeRun('a', {}, 1, { top1: [0.6, 0.5] }));
    const b = headOf(fakeRun('b', {}, 2, { top1: [0.7] }));
    const broken = { id: 'broken', name: 5, settings: 'none', evals: [{ top1Error: 'x' }] };
    const noDigest = { ...a, id: 'no-digest', digest: undefined };
    const heads = checkedHeads([a, broken, null, noDigest, b]);
    expect(heads.map((h) => h.id)).toEqual(['a', 'b']);
    expect(heads[0].evals).toHaveLength(2);
  });
});
