import { describe, expect, it } from 'vitest';
import { scaleAxes } from './scaleAxes';

describe('scaleAxes', () => {
  it('leaves the axes as they are at the normal size', () => {
    const axes = [{ label: 'step' }];
    expect(scaleAxes(axes, 1)).toBe(axes);
    expect(scaleAxes(undefined, 1.35)).toBeUndefined();
  });
  it('enlarges fonts and the room each axis takes, keeping the rest', () => {
    const axes = [{ label: 'step' }, { scale: 'lr', side: 1, size: 70 }];
    const out = scaleAxes(axes, 1.5)!;
    expect(out[0]).toMatchObject({ label: 'step', size: 75, labelSize: 45 });
    expect(out[0].font).toMatch(/^18px /);
    expect(out[0].labelFont).toMatch(/^bold 18px /);
    expect(out[1]).toMatchObject({ scale: 'lr', side: 1, size: 105 });
    expect(axes[1].size).toBe(70);
  });
});
