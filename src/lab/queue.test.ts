import { describe, expect, it } from 'vitest';
import { cancelItem, moveItem, nextQueued, queueItems, queueProgress, setItem } from './queue';
import { expandPlan } from './plan';
import { baseSettings } from './testData.testing';

const items = () => queueItems(expandPlan(baseSettings(), 'one-at-a-time', 1), 'q');

describe('queue', () => {
  it('starts with every item waiting, the baseline first', () => {
    const q = items();
    expect(q).toHaveLength(6);
    expect(nextQueued(q)!.label).toBe('baseline');
    expect(q.every((i) => i.status === 'queued' && i.runId === null)).toBe(true);
  });

  it('cancels only what has not started', () => {
    let q = setItem(items(), 'q-0', { status: 'running' });
    q = cancelItem(cancelItem(q, 'q-0'), 'q-1');
    expect(q[0].status).toBe('running');
    expect(q[1].status).toBe('cancelled');
    expect(nextQueued(q)!.id).toBe('q-2');
  });

  it('reorders among waiting items only', () => {
    let q = setItem(items(), 'q-0', { status: 'done' });
    q = moveItem(q, 'q-1', -1); // already first of the waiting: no change
    expect(q.map((i) => i.id).slice(0, 3)).toEqual(['q-0', 'q-1', 'q-2']);
    q = moveItem(q, 'q-3', -1);
    expect(q.map((i) => i.id).slice(0, 4)).toEqual(['q-0', 'q-1', 'q-3', 'q-2']);
    q = moveItem(q, 'q-5', 1); // already last
    expect(q[5].id).toBe('q-5');
  });

  it('progress and ETA use finished durations, then the running estimate', () => {
    let q = items();
    q = setItem(q, 'q-0', { status: 'done' });
    q = setItem(q, 'q-1', { status: 'running' });
    q = cancelItem(q, 'q-5');
    const p = queueProgress(q, { fraction: 0.5, etaS: 10, elapsedS: 10 }, [30]);
    expect(p.total).toBe(5);
    expect(p.done).toBe(1);
    expect(p.fraction).toBeCloseTo(1.5 / 5);
    expect(p.etaS).toBe(10 + 3 * 30);
    expect(
      queueProgress(
        setItem(items(), 'q-0', { status: 'running' }),
        { fraction: 0.25, etaS: 30, elapsedS: 10 },
        [],
      ).etaS,
    ).toBe(30 + 5 * 40);
    expect(queueProgress(items(), null, []).etaS).toBeNull();
  });
});
