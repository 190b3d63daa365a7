/**
 * A data problem the user can act on: `message` is written for them, in plain words, and can be
 * shown as is. Loaders throw it before touching the current dataset, so the caller keeps that.
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** 30730000 → "30,730,000" (fixed locale, so messages do not depend on the machine). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
