import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createLabSlice, type LabSlice } from './labSlice';
import { fakeRun } from '../lab/testData.testing';

function lab() {
  const s = createStore<LabSlice>()((...a) => createLabSlice(...a));
  s.setState({
    runs: [fakeRun('a', {}, 1, { top1: [0.5] }), fakeRun('b', { lrn: false }, 1, { top1: [0.6] })],
  });
  return s;
}

describe('lab slice', () => {
  it('renames and pins by replacing only that record (what the persistence module saves)', () => {
    const s = lab();
    const [a, b] = s.getState().runs;
    s.getState().renameRun('a', 'my baseline');
    s.getState().togglePin('a');
    const [a2, b2] = s.getState().runs;
    expect(a2).not.toBe(a);
    expect(b2).toBe(b);
    expect(a2.name).toBe('my baseline');
    expect(a2.pinned).toBe(true);
  });

  it('deletes a run and forgets it as baseline and selection, but never the live run', () => {
    const s = lab();
    s.setState({ baselineId: 'a', selectedIds: ['a', 'b'], liveRunId: 'b' });
    s.getState().deleteRun('a');
    expect(s.getState().runs.map((r) => r.id)).toEqual(['b']);
    expect(s.getState().baselineId).toBeNull();
    expect(s.getState().selectedIds).toEqual(['b']);
    s.getState().deleteRun('b');
    expect(s.getState().runs.map((r) => r.id)).toEqual(['b']);
  });

  it('clamps the target accuracy to 1…100 %', () => {
    const s = lab();
    s.getState().setTarget(7);
    expect(s.getState().target).toBe(1);
    s.getState().setTarget(-1);
    expect(s.getState().target).toBe(0.01);
  });
});
