import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { isView } from './viewSlice';

describe('view slice', () => {
  it('knows the three steps and nothing else', () => {
    expect(['train', 'inside', 'compare'].every(isView)).toBe(true);
    expect(isView('nowhere')).toBe(false);
    expect(isView('')).toBe(false);
    expect(isView(null)).toBe(false);
  });

  it('a picked layer opens step 2, and picking it again is a new pick', () => {
    const store = createAppStore();
    expect(store.getState().view).toBe('train');
    store.getState().focusLayer('conv2');
    expect(store.getState().view).toBe('inside');
    expect(store.getState().focusedLayer).toEqual({ name: 'conv2', seq: 1 });
    store.getState().setView('compare');
    store.getState().focusLayer('conv2');
    expect(store.getState().view).toBe('inside');
    expect(store.getState().focusedLayer).toEqual({ name: 'conv2', seq: 2 });
  });
});
