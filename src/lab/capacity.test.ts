import { describe, expect, it } from 'vitest';
import { checkRunCount, checkStepCount, chunks, MAX_RUNS, MAX_STEPS_PER_RUN, pageOf } from './capacity';

describe('capacity', () => {
  it('lets runs in up to the limit and refuses one more, naming the numbers', () => {
    expect(checkRunCount(MAX_RUNS - 5000, 5000)).toBeNull();
    expect(checkRunCount(MAX_RUNS - 5000, 5001)).toEqual({
      code: 'experiment.tooManyRuns',
      params: { count: MAX_RUNS + 1, max: MAX_RUNS },
    });
  });
  it('refuses a run with more steps than the limit, naming the run', () => {
    expect(checkStepCount(3, MAX_STEPS_PER_RUN)).toBeNull();
    expect(checkStepCount(3, MAX_STEPS_PER_RUN + 1)).toEqual({
      code: 'experiment.tooManySteps',
      params: { run: 3, steps: MAX_STEPS_PER_RUN + 1, max: MAX_STEPS_PER_RUN },
    });
  });
});

describe('chunks', () => {
  it('cuts in order, the last piece shorter', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
    expect(chunks([1, 2], 5)).toEqual([[1, 2]]);
  });
  it('refuses a size below 1 instead of looping forever', () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
    expect(() => chunks([1], NaN)).toThrow(RangeError);
  });
});

describe('pageOf', () => {
  it('gives the index range of a page', () => {
    expect(pageOf(120, 1, 50)).toEqual({ page: 1, pages: 3, start: 50, end: 100 });
    expect(pageOf(120, 2, 50)).toEqual({ page: 2, pages: 3, start: 100, end: 120 });
  });
  it('clamps a page past the end (runs deleted) and before the start', () => {
    expect(pageOf(60, 5, 50)).toEqual({ page: 1, pages: 2, start: 50, end: 60 });
    expect(pageOf(60, -1, 50)).toEqual({ page: 0, pages: 2, start: 0, end: 50 });
  });
  it('has one empty page for no items', () => {
    expect(pageOf(0, 0, 50)).toEqual({ page: 0, pages: 1, start: 0, end: 0 });
  });
});
