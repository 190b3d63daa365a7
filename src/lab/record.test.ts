import { describe, expect, it } from 'vitest';
import { defaultName } from './record';
import { baseSettings } from './testData.testing';

describe('defaultName', () => {
  it('names the width and the input option only when they are not the defaults', () => {
    const s = baseSettings();
    const plain = 'ReLU · LRN · dropout · overlap pool · seed 1';
    expect(defaultName(s, null)).toBe(plain);
    expect(defaultName({ ...s, config: { ...s.config, width: '1' } }, null)).toBe(plain);
    expect(defaultName({ ...s, data: { ...s.data, preprocess: 'channel' } }, null)).toBe(plain);
    expect(defaultName({ ...s, config: { ...s.config, width: '1/4' } }, 'x')).toBe(
      'x — ReLU · LRN · dropout · overlap pool · width ×¼ · seed 1',
    );
    expect(defaultName({ ...s, data: { ...s.data, preprocess: 'zca' } }, null)).toBe(
      'ReLU · LRN · dropout · overlap pool · ZCA · seed 1',
    );
    expect(
      defaultName(
        { ...s, config: { ...s.config, width: '1/2' }, data: { ...s.data, preprocess: 'pixel-mean' } },
        null,
      ),
    ).toBe('ReLU · LRN · dropout · overlap pool · width ×½ · pixel mean · seed 1');
  });
});
