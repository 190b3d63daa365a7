import { describe, expect, it } from 'vitest';
import { pickResumable } from './checkpoints';

describe('pickResumable', () => {
  it('offers the newest checkpoint whose run no tab is training', () => {
    const stored = [
      { key: 'a', savedAt: 30 },
      { key: 'b', savedAt: 20 },
      { key: 'c', savedAt: 10 },
    ];
    expect(pickResumable(stored, new Set())).toBe('a');
    // Tab 1 trains a: tab 2 must not offer (and so never resume or clear) it.
    expect(pickResumable(stored, new Set(['alexnet-lab-checkpoint:a']))).toBe('b');
    expect(
      pickResumable(
        stored,
        new Set(['alexnet-lab-checkpoint:a', 'alexnet-lab-checkpoint:b', 'alexnet-lab-checkpoint:c']),
      ),
    ).toBeNull();
    expect(pickResumable([], new Set())).toBeNull();
  });
});
