import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createLabSlice, UNDO_MS, type LabSlice } from './labSlice';
import { fakeRun as fakeRecord } from '../lab/testData.testing';
import { headOf, type LabRun } from '../lab/summary';

/** A run as the lab holds it (summary and, as for a run trained here, its steps). */
const fakeRun = (...a: Parameters<typeof fakeRecord>): LabRun => {
  const r = fakeRecord(...a);
  return { ...headOf(r), steps: r.steps };
};
import type { QueueItem } from '../lab/queue';

function lab() {
  const s = createStore<LabSlice>()((...a) => createLabSlice(...a));
  s.setState({
    runs: [fakeRun('a', {}, 1, { top1: [0.5] }), fakeRun('b', { lrn: false }, 1, { top1: [0.6] })],
  });
  return s;
}

afterEach(() => {
  vi.useRealTimers();
});

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

  it('deletes many runs into a trash that Undo empties back into the list', () => {
    vi.useFakeTimers();
    const s = lab();
    s.getState().addLiveRun({ ...fakeRun('c', {}, 2, { top1: [0.4] }), createdAt: 2000 });
    s.setState({ baselineId: 'b', selectedIds: ['a', 'b'] });
    s.getState().deleteRuns(['a', 'b', 'c']);
    expect(s.getState().runs.map((r) => r.id)).toEqual(['c']);
    expect(s.getState().trash?.runs.map((r) => r.id)).toEqual(['a', 'b']);
    expect(s.getState().baselineId).toBeNull();
    expect(s.getState().selectedIds).toEqual([]);
    vi.advanceTimersByTime(UNDO_MS - 1);
    s.getState().undoDelete();
    expect(s.getState().runs.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(s.getState().trash).toBeNull();
    // The timer of the undone deletion does not empty a later trash early.
    vi.advanceTimersByTime(10);
    expect(s.getState().runs).toHaveLength(3);
  });

  it('empties the trash when the undo time is over, or when another deletion comes', () => {
    vi.useFakeTimers();
    const s = lab();
    s.getState().deleteRuns(['a']);
    s.getState().deleteRuns(['b']);
    expect(s.getState().trash?.runs.map((r) => r.id)).toEqual(['b']);
    vi.advanceTimersByTime(UNDO_MS);
    expect(s.getState().trash).toBeNull();
    s.getState().undoDelete();
    expect(s.getState().runs).toEqual([]);
  });

  it('keeps a trashed run out of the list when another tab saves it', () => {
    const s = lab();
    s.getState().deleteRuns(['a']);
    s.getState().applyStoredRuns([fakeRun('a', {}, 1, { top1: [0.5] })], []);
    expect(s.getState().runs.map((r) => r.id)).toEqual(['b']);
    // Deleted in another tab meanwhile: Undo cannot bring it back.
    s.getState().applyStoredRuns([], ['a']);
    s.getState().undoDelete();
    expect(s.getState().runs.map((r) => r.id)).toEqual(['b']);
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
    s.getState().adoptBaseline('nope');
    expect(s.getState().baselineId).toBeNull();
    s.getState().adoptBaseline('z');
    expect(s.getState().baselineId).toBe('z');
    s.getState().adoptBaseline('a');
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
