// Storage failures, told as codes (the UI words them). IndexedDB reports a full quota as a DOMException named
// 'QuotaExceededError' (Chromium also wraps it in an AbortError on the transaction, whose
// message mentions the quota); both mean the same to a user: this site's storage is full.

import { problem } from './problem';

/** True when `err` says the browser's storage quota for this site is used up. Pure. */
export function isQuotaError(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return e.name === 'QuotaExceededError' || (typeof e.message === 'string' && /quota/i.test(e.message));
}

/** What to do about a full storage: the `makeRoom` phrase of any message that reports one. */
export const MAKE_ROOM = problem('storage.makeRoom');
