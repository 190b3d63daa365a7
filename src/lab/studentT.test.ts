import { describe, expect, it } from 'vitest';
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile, twoSidedP } from './studentT';

describe('logGamma and the regularised incomplete beta', () => {
  it('ln Γ at integers and halves', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 10);
  });
  it('I_x(a, b) against closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
    expect(incompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    // I_x(1/2, 1/2) = (2/π) asin √x, on both sides of the fraction's switch point.
    for (const x of [0.05, 0.4, 0.6, 0.95])
      expect(incompleteBeta(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
    expect(incompleteBeta(1.5, 2, 3)).toBeNaN();
  });
});

describe('Student t distribution', () => {
  it('textbook two-sided 5 % critical values t(0.975, df)', () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [3, 3.182],
      [4, 2.776],
      [9, 2.262],
      [29, 2.045],
      [120, 1.98],
    ];
    for (const [df, t] of table) {
      expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
      expect(twoSidedP(t, df), `df ${df}`).toBeCloseTo(0.05, 3);
    }
    // df → ∞ tends to the normal's 1.960.
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.95996, 4);
  });
  it('textbook 1 % critical values and one-sided quantiles', () => {
    expect(studentTQuantile(0.995, 1)).toBeCloseTo(63.657, 2);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.25, 3);
    expect(studentTQuantile(0.95, 9)).toBeCloseTo(1.833, 3);
    expect(studentTQuantile(0.05, 9)).toBeCloseTo(-1.833, 3);
  });
  it('p-values against the closed forms of df 1 (Cauchy) and df 2', () => {
    for (const t of [0.1, 1, 2, 3.5, 30]) {
      expect(twoSidedP(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 12);
      expect(twoSidedP(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 12);
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
      expect(studentTCdf(-t, 1) + studentTCdf(t, 1)).toBeCloseTo(1, 12);
    }
    // The old rule's "2 standard errors" with two seeds: p ≈ 0.30, nowhere near 5 %.
    expect(twoSidedP(2, 1)).toBeCloseTo(0.2952, 4);
    expect(twoSidedP(0, 5)).toBe(1);
    expect(twoSidedP(Infinity, 3)).toBe(0);
    expect(studentTCdf(0, 4)).toBe(0.5);
    expect(twoSidedP(NaN, 3)).toBeNaN();
  });
});
