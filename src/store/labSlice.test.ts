import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createLabSlice, type LabSlice } from './labSlice';
import { fakeRun } from '../lab/testData.testing';
import type { QueueItem } from '../lab/queue';

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

  it('follows another tab: its saved runs replace or join ours, its deleted ones leave, the live one stays', () => {
    const s = lab();
    s.setState({ baselineId: 'a', selectedIds: ['a', 'b'], liveRunId: 'b' });
    const renamed = { ...fakeRun('b', {}, 1, { top1: [0.5] }), name: 'theirs' };
    const added = fakeRun('c', {}, 1, { top1: [0.4] });
    s.getState().applyStoredRuns([renamed, added], ['a', 'b']);
    expect(s.getState().runs.map((r) => [r.id, r.name])).toEqual([
      ['b', s.getState().runs[0].name],
      ['c', added.name],
    ]);
    expect(s.getState().runs[0].name).not.toBe('theirs');
    expect(s.getState().baselineId).toBeNull();
    expect(s.getState().selectedIds).toEqual(['b']);
  });

  it('clamps the target accuracy to 1…100 %', () => {
    const s = lab();
    s.getState().setTarget(7);
    expect(s.getState().target).toBe(1);
    s.getState().setTarget(-1);
    expect(s.getState().target).toBe(0.01);
  });

  it('keeps the live record: added as live, replaced by its copy (a new object), ended', () => {
    const s = lab();
    const live = fakeRun('c', {}, 1, { top1: [0.4] });
    s.getState().addLiveRun(live);
    expect(s.getState().liveRunId).toBe('c');
    const v = s.getState().runsVersion;
    const copy = { ...live, name: 'copied' };
    s.getState().commitRun(copy);
    expect(s.getState().runs[2]).toBe(copy);
    expect(s.getState().runsVersion).toBe(v + 1);
    s.getState().touchRuns();
    expect(s.getState().runsVersion).toBe(v + 2);
    s.getState().endLiveRun();
    expect(s.getState().liveRunId).toBeNull();
  });

  it('puts saved runs first without doubling a run already listed, and imports with a baseline', () => {
    const s = lab();
    const [a] = s.getState().runs;
    const old = fakeRun('z', {}, 1, { top1: [0.3] });
    s.getState().mergeSavedRuns([old, { ...a, name: 'stale' }]);
    expect(s.getState().runs.map((r) => r.id)).toEqual(['z', 'a', 'b']);
    expect(s.getState().runs[1]).toBe(a);
    expect(s.getState().runsLoaded).toBe(true);
    s.getState().importRuns(s.getState().runs, 'nope', { kind: 'info', text: 'x' });
    expect(s.getState().baselineId).toBeNull();
    s.getState().importRuns(s.getState().runs, 'z', { kind: 'info', text: 'x' });
    expect(s.getState().baselineId).toBe('z');
    s.getState().importRuns(s.getState().runs, 'a', { kind: 'info', text: 'x' });
    expect(s.getState().baselineId).toBe('z');
  });

  it('runs the queue through its actions', () => {
    const s = lab();
    const item = (id: string): QueueItem => ({
      id,
      label: id,
      settings: s.getState().runs[0].settings,
      baseline: false,
      status: 'queued',
      runId: null,
    });
    s.setState({ baselineId: 'a' });
    s.getState().beginQueue([item('q1'), item('q2'), item('q3')]);
    expect(s.getState().queueActive).toBe(true);
    expect(s.getState().baselineId).toBeNull();
    s.getState().patchQueueItem('q1', { status: 'running', runId: 'a' });
    s.getState().moveQueueItem('q3', -1);
    s.getState().cancelQueueItem('q2');
    expect(s.getState().queue.map((i) => [i.id, i.status])).toEqual([
      ['q1', 'running'],
      ['q3', 'queued'],
      ['q2', 'cancelled'],
    ]);
    s.getState().setQueueActive(false);
    expect(s.getState().queueActive).toBe(false);
    s.getState().clearQueue();
    expect(s.getState().queue).toEqual([]);
  });
});
