import { ProblemError, type Problem } from '../shared/problem';

/**
 * A data problem the user can act on, as a code and parameters (the UI words it). Loaders throw
 * it before touching the current dataset, so the caller keeps that.
 */
export class DataError extends ProblemError {
  constructor(p: Problem) {
    super(p);
    this.name = 'DataError';
  }
}

/** 30730000 → "30,730,000" (fixed locale, so messages do not depend on the machine). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
