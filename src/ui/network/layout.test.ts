import { describe, expect, it } from 'vitest';
import { buildSpec, defaultConfig } from '../../model/spec';
import { computeShapes, shapesForInput } from '../../model/shapes';
import type { ModelConfig } from '../../shared/types';
import { SIZES, barFor, depthFor, layoutNetwork, mapsTarget, sideFor, textWidth } from './layout';

const lay = (patch: Partial<ModelConfig> = {}, preset: 'cifar' | 'paper' = 'cifar') => {
  const spec = buildSpec({ ...defaultConfig(preset), ...patch });
  return { spec, layout: layoutNetwork(spec, computeShapes(spec)) };
};
const block = (l: ReturnType<typeof layoutNetwork>, name: string) => {
  const b = l.blocks.find((x) => x.name === name);
  if (!b) throw new Error(`no block ${name}`);
  return b;
};

describe('block sizes from shapes', () => {
  it('scales a box side with √spatial and its depth with log channels, within bounds', () => {
    expect(sideFor(227, 227)).toBe(SIZES.maxSide);
    expect(sideFor(0, 227)).toBe(SIZES.minSide);
    expect(sideFor(55, 227)).toBeCloseTo(
      SIZES.minSide + (SIZES.maxSide - SIZES.minSide) * Math.sqrt(55 / 227),
    );
    expect(depthFor(384, 384)).toBe(SIZES.maxDepth);
    expect(depthFor(1, 384)).toBe(SIZES.minDepth);
    expect(depthFor(96, 384)).toBeLessThan(depthFor(256, 384));
    expect(barFor(9216, 9216)).toBe(SIZES.maxBar);
    expect(barFor(10, 9216)).toBeLessThan(barFor(4096, 9216));
  });

  it('draws the paper preset with one block per spec entry, in order, with the shapes as text', () => {
    const { spec, layout } = lay({}, 'paper');
    expect(layout.blocks.map((b) => b.name)).toEqual(spec.layers.map((l) => l.name));
    expect(block(layout, 'conv1').shapeText).toBe('55×55×96');
    expect(block(layout, 'pool5').shapeText).toBe('6×6×256');
    expect(block(layout, 'flatten').shapeText).toBe('9216');
    expect(block(layout, 'fc8').shapeText).toBe('10');
    // Bigger images give taller boxes; more channels give deeper ones.
    const c1 = block(layout, 'conv1').boxes[0];
    const c2 = block(layout, 'conv2').boxes[0];
    expect(c1.h).toBeCloseTo(sideFor(55, 227));
    expect(c1.h).toBeGreaterThan(c2.h);
    expect(c2.w).toBeGreaterThan(c1.w);
    expect(block(layout, 'upscale').boxes[0].h).toBe(SIZES.maxSide);
    // Columns do not overlap and the picture is as wide as they are.
    for (let i = 1; i < layout.blocks.length; i++) {
      const prev = layout.blocks[i - 1];
      expect(layout.blocks[i].x).toBeGreaterThanOrEqual(prev.x + prev.colWidth);
    }
    const last = layout.blocks[layout.blocks.length - 1];
    expect(layout.width).toBeGreaterThanOrEqual(last.x + last.colWidth);
  });

  it('draws grouped convolutions as two towers of half the channels each, one above the other', () => {
    const { layout } = lay({ grouped: true }, 'paper');
    const towers = block(layout, 'conv2').boxes;
    expect(towers).toHaveLength(2);
    expect(towers.map((t) => t.channels)).toEqual([128, 128]);
    expect(towers[0].w).toBeCloseTo(depthFor(128, 384));
    expect(towers[0].y + towers[0].h).toBeLessThan(layout.mid);
    expect(towers[1].y - towers[1].off).toBeGreaterThan(layout.mid);
    expect(block(layout, 'conv1').boxes).toHaveLength(1);
    expect(block(layout, 'conv3').boxes).toHaveLength(1);
    expect(lay({}, 'paper').layout.blocks.every((b) => b.boxes.length <= 1)).toBe(true);
  });

  it('shows LRN as a thin slab, pooling windows to scale and dropout as a bar; toggles remove them', () => {
    const { layout } = lay();
    const lrn = block(layout, 'lrn1');
    expect(lrn.boxes[0].w).toBe(SIZES.lrnWidth);
    expect(lrn.boxes[0].h).toBeCloseTo(block(layout, 'conv1').boxes[0].h);
    // Overlapping 3×3/2: the second window starts inside the first.
    const [a, b] = block(layout, 'pool1').windows;
    expect(a.w).toBe(3 * SIZES.windowUnit);
    expect(b.x - a.x).toBe(2 * SIZES.windowUnit);
    expect(b.x).toBeLessThan(a.x + a.w);
    const [c, d] = block(lay({ pooling: 'non-overlapping' }).layout, 'pool1').windows;
    expect(d.x).toBe(c.x + c.w);
    expect(block(layout, 'drop6').bar?.h).toBeCloseTo(block(layout, 'fc6').bar!.h);
    const bare = lay({ lrn: false, dropout: false }).layout.blocks.map((x) => x.kind);
    expect(bare).not.toContain('lrn');
    expect(bare).not.toContain('dropout');
  });

  it("keeps the paper's 224 input fractional: C1 is 54.25 and marked", () => {
    const spec = buildSpec(defaultConfig('paper'));
    const layout = layoutNetwork(spec, shapesForInput(spec, 224));
    const c1 = block(layout, 'conv1');
    expect(c1.shapeText).toBe('54.25×54.25×96');
    expect(c1.fractional).toBe(true);
    expect(c1.boxes[0].h).toBeCloseTo(sideFor(54.25, 224));
    expect(block(layout, 'upscale').shapeText).toBe('224×224×3');
  });
});

describe('which maps a click shows', () => {
  it('is the layer itself when it has maps, else the nearest one before it', () => {
    const spec = buildSpec(defaultConfig('cifar'));
    expect(mapsTarget(spec, 'conv2')).toBe('conv2');
    expect(mapsTarget(spec, 'act2')).toBe('conv2');
    expect(mapsTarget(spec, 'drop6')).toBe('fc6');
    expect(mapsTarget(spec, 'flatten')).toBe('pool5');
    expect(mapsTarget(spec, 'input')).toBeNull();
  });
});

describe('column widths', () => {
  it('leave room for the widest label of each column', () => {
    for (const preset of ['cifar', 'paper'] as const) {
      const { layout } = lay({ grouped: true }, preset);
      for (const b of layout.blocks) {
        expect(b.colWidth).toBeGreaterThanOrEqual(textWidth(b.name, SIZES.fontPx, true));
        if (b.kind !== 'activation')
          expect(b.colWidth).toBeGreaterThanOrEqual(textWidth(b.shapeText, SIZES.fontPx));
      }
    }
    expect(textWidth('227×227×3', 11)).toBeGreaterThan(textWidth('32×32×3', 11));
  });
});
