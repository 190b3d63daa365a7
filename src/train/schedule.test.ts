import { describe, expect, it } from 'vitest';
import { learningRateAt } from './schedule';

const base = { warmupEpochs: 0, stepEpochs: 10, stepFactor: 0.1 };

describe('learningRateAt', () => {
  it('constant stays at the base rate', () => {
    for (const e of [0, 3.3, 99])
      expect(learningRateAt({ ...base, kind: 'constant' }, 0.01, e, 100)).toBe(0.01);
  });

  it('step divides by 10 every 10 epochs', () => {
    const s = { ...base, kind: 'step' as const };
    expect(learningRateAt(s, 0.1, 9.99, 30)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(s, 0.1, 10, 30)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(s, 0.1, 25, 30)).toBeCloseTo(0.001, 12);
  });

  it('cosine starts at the base rate, halves mid-way and ends at zero', () => {
    const s = { ...base, kind: 'cosine' as const };
    expect(learningRateAt(s, 0.2, 0, 40)).toBeCloseTo(0.2, 12);
    expect(learningRateAt(s, 0.2, 20, 40)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(s, 0.2, 40, 40)).toBeCloseTo(0, 12);
  });

  it('warm-up rises linearly, then the schedule runs over the remaining epochs', () => {
    const s = { ...base, kind: 'cosine' as const, warmupEpochs: 2 };
    expect(learningRateAt(s, 0.1, 0.5, 12)).toBeCloseTo(0.025, 12);
    expect(learningRateAt(s, 0.1, 2, 12)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(s, 0.1, 7, 12)).toBeCloseTo(0.05, 12);
  });
});
