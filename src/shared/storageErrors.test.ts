import { describe, expect, it } from 'vitest';
import { isQuotaError } from './storageErrors';

describe('isQuotaError', () => {
  it('recognises the DOMException IndexedDB throws when the quota is used up', () => {
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
  });
  it("recognises Chromium's transaction abort that names the quota", () => {
    const abort = new DOMException('Transaction aborted: quota exceeded', 'AbortError');
    expect(isQuotaError(abort)).toBe(true);
  });
  it('is false for other failures and for things that are not errors', () => {
    expect(isQuotaError(new DOMException('blocked', 'InvalidStateError'))).toBe(false);
    expect(isQuotaError(new Error('network down'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
