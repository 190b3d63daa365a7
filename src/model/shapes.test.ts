import { describe, expect, it } from 'vitest';
import { allConfigs, buildSpec, defaultConfig, scaledCount } from './spec';
import { computeShapes, shapesForInput, totals } from './shapes';
import type { LayerShape } from '../shared/types';

const byName = (rows: LayerShape[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

describe('paper preset', () => {
  // Per-layer figures worked out by hand from the paper's layer sizes:
  // conv1 11·11·3·96 + 96, conv2 5·5·96·256 + 256 (5·5·48·256 + 256 grouped), fc6 6·6·256·4096 + 4096.
  it('matches hand-computed parameters and sizes (ungrouped)', () => {
    const rows = byName(computeShapes(buildSpec(defaultConfig('paper'))));
    expect(rows.upscale.outShape).toEqual([227, 227, 3]);
    expect(rows.conv1.outShape).toEqual([55, 55, 96]);
    expect(rows.pool1.outShape).toEqual([27, 27, 96]);
    expect(rows.pool2.outShape).toEqual([13, 13, 256]);
    expect(rows.pool5.outShape).toEqual([6, 6, 256]);
    expect(rows.flatten.outShape).toEqual([9216]);
    expect(rows.conv1.params).toBe(34_944);
    expect(rows.conv2.params).toBe(614_656);
    expect(rows.conv3.params).toBe(885_120);
    expect(rows.conv4.params).toBe(1_327_488);
    expect(rows.conv5.params).toBe(884_992);
    expect(rows.fc6.params).toBe(37_752_832);
    expect(rows.fc7.params).toBe(16_781_312);
    expect(rows.fc8.params).toBe(40_970);
    // 55·55·96·363 multiply-adds in conv1.
    expect(rows.conv1.macs).toBe(105_415_200);
    expect(rows.conv2.macs).toBe(447_897_600);
    expect(Object.values(rows).every((r) => !r.fractional)).toBe(true);
  });

  it('grouped convolution halves the weights of C2, C4, C5; totals match the published ~61 M', () => {
    const spec = buildSpec({ ...defaultConfig('paper'), grouped: true });
    const rows = byName(computeShapes(spec));
    expect(rows.conv2.params).toBe(307_456);
    expect(rows.conv4.params).toBe(663_936);
    expect(rows.conv5.params).toBe(442_624);
    const t = totals(computeShapes(spec));
    // With 1000 classes FC8 would have 4096·1000 + 1000 instead of 4096·10 + 10.
    const thousand = t.params - 40_970 + 4_097_000;
    expect(thousand).toBe(60_965_224);
    const convMacs = ['conv1', 'conv2', 'conv3', 'conv4', 'conv5'].reduce((s, n) => s + rows[n].macs, 0);
    // 105.4 M + 223.9 M + 149.5 M + 112.1 M + 74.8 M ≈ 0.666 G.
    expect(convMacs).toBe(665_784_864);
    expect(t.macs).toBe(convMacs + 9216 * 4096 + 4096 * 4096 + 4096 * 10);
  });

  it('224 input makes C1 fractional (54.25), 227 does not', () => {
    const spec = buildSpec(defaultConfig('paper'));
    const c1 = byName(shapesForInput(spec, 224)).conv1;
    expect(c1.outShape[0]).toBeCloseTo(54.25, 10);
    expect(c1.fractional).toBe(true);
    const next = byName(shapesForInput(spec, 224)).pool1;
    // TF floors C1 to 54; the overlapping pool then gives (54 − 3)/2 + 1 = 26.5 → 26.
    expect(next.outShape).toEqual([26, 26, 96]);
    expect(next.fractional).toBe(true);
  });

  it('non-overlapping pooling floors to the same 27/13/6 sizes', () => {
    const rows = byName(computeShapes(buildSpec({ ...defaultConfig('paper'), pooling: 'non-overlapping' })));
    expect(rows.pool1.outShape).toEqual([27, 27, 96]);
    expect(rows.pool1.fractional).toBe(true);
    expect(rows.pool2.outShape).toEqual([13, 13, 256]);
    expect(rows.pool5.outShape).toEqual([6, 6, 256]);
  });
});

describe('cifar preset', () => {
  it('has the 64c5-192c5-384c3-256c3-256c3 / 1024-512-10 sizes', () => {
    const rows = byName(computeShapes(buildSpec(defaultConfig('cifar'))));
    expect(rows.conv1.outShape).toEqual([32, 32, 64]);
    expect(rows.pool1.outShape).toEqual([15, 15, 64]);
    expect(rows.pool2.outShape).toEqual([7, 7, 192]);
    expect(rows.pool5.outShape).toEqual([3, 3, 256]);
    expect(rows.fc6.params).toBe(2304 * 1024 + 1024);
    expect(rows.conv2.params).toBe(5 * 5 * 64 * 192 + 192);
  });
  it('non-overlapping pooling gives 16/8/4', () => {
    const rows = byName(computeShapes(buildSpec({ ...defaultConfig('cifar'), pooling: 'non-overlapping' })));
    expect(rows.pool5.outShape).toEqual([4, 4, 256]);
    expect(rows.flatten.outShape).toEqual([4096]);
  });
});

describe('toggles', () => {
  it('add and remove entries; every config ends in 10 logits', () => {
    for (const preset of ['paper', 'cifar'] as const) {
      const configs = allConfigs(preset);
      expect(configs).toHaveLength(48);
      for (const c of configs) {
        const spec = buildSpec(c);
        const kinds = spec.layers.map((l) => l.kind);
        expect(kinds.filter((k) => k === 'lrn')).toHaveLength(c.lrn ? 2 : 0);
        expect(kinds.filter((k) => k === 'dropout')).toHaveLength(c.dropout ? 2 : 0);
        expect(kinds.filter((k) => k === 'activation')).toHaveLength(7);
        for (const l of spec.layers) if (l.kind === 'activation') expect(l.fn).toBe(c.activation);
        const groups = spec.layers.flatMap((l) => (l.kind === 'conv' ? [l.groups] : []));
        expect(groups).toEqual(c.grouped ? [1, 2, 1, 2, 2] : [1, 1, 1, 1, 1]);
        const rows = computeShapes(spec);
        expect(rows[rows.length - 1].outShape).toEqual([10]);
        expect(new Set(spec.layers.map((l) => l.name)).size).toBe(spec.layers.length);
      }
    }
  });
});

describe('model width', () => {
  it('scales every conv filter count and hidden FC unit count, keeping 10 logits', () => {
    const counts = (c: Parameters<typeof buildSpec>[0]) =>
      buildSpec(c).layers.flatMap((l) =>
        l.kind === 'conv' ? [l.filters] : l.kind === 'dense' ? [l.units] : [],
      );
    const cifar = defaultConfig('cifar');
    expect(counts({ ...cifar, width: '1' })).toEqual([64, 192, 384, 256, 256, 1024, 512, 10]);
    expect(counts({ ...cifar, width: '1/2' })).toEqual([32, 96, 192, 128, 128, 512, 256, 10]);
    expect(counts({ ...cifar, width: '1/4' })).toEqual([16, 48, 96, 64, 64, 256, 128, 10]);
    expect(counts({ ...defaultConfig('paper'), width: '1/4' })).toEqual([24, 64, 96, 96, 64, 1024, 1024, 10]);
    // Absent width (runs saved before the setting) is ×1.
    expect(counts(cifar)).toEqual(counts({ ...cifar, width: '1' }));
  });

  it('rounds to even counts, so that two towers split evenly', () => {
    expect(scaledCount(64, '1/4')).toBe(16);
    expect(scaledCount(6, '1/4')).toBe(2);
    expect(scaledCount(10, '1/4')).toBe(2);
    expect(scaledCount(12, '1/2')).toBe(6);
    expect(scaledCount(14, '1/4')).toBe(4);
    expect(scaledCount(1, '1/4')).toBe(2);
    expect(scaledCount(7, '1')).toBe(7);
  });

  it('¼ width: hand-computed parameters and multiply-adds of the CIFAR preset, grouped and not', () => {
    const rows = byName(computeShapes(buildSpec({ ...defaultConfig('cifar'), width: '1/4' })));
    expect(rows.conv1.params).toBe(5 * 5 * 3 * 16 + 16);
    expect(rows.conv2.params).toBe(5 * 5 * 16 * 48 + 48);
    expect(rows.conv3.params).toBe(3 * 3 * 48 * 96 + 96);
    expect(rows.conv4.params).toBe(3 * 3 * 96 * 64 + 64);
    expect(rows.conv5.params).toBe(3 * 3 * 64 * 64 + 64);
    expect(rows.flatten.outShape).toEqual([3 * 3 * 64]);
    expect(rows.fc6.params).toBe(576 * 256 + 256);
    expect(rows.fc7.params).toBe(256 * 128 + 128);
    expect(rows.fc8.params).toBe(128 * 10 + 10);
    expect(rows.conv1.macs).toBe(32 * 32 * 16 * 5 * 5 * 3);
    expect(rows.conv2.macs).toBe(15 * 15 * 48 * 5 * 5 * 16);
    const g = byName(computeShapes(buildSpec({ ...defaultConfig('cifar'), width: '1/4', grouped: true })));
    // Each tower sees half the input channels: C2 5·5·8·48, C4 3·3·48·64, C5 3·3·32·64.
    expect(g.conv2.params).toBe(5 * 5 * 8 * 48 + 48);
    expect(g.conv4.params).toBe(3 * 3 * 48 * 64 + 64);
    expect(g.conv5.params).toBe(3 * 3 * 32 * 64 + 64);
    expect(g.conv2.macs).toBe(rows.conv2.macs / 2);
  });

  it('every width, preset and toggle combination gives whole sizes and grouped convs that split', () => {
    for (const preset of ['paper', 'cifar'] as const)
      for (const width of ['1', '1/2', '1/4'] as const)
        for (const c of allConfigs(preset)) {
          const spec = buildSpec({ ...c, width });
          let channels = 3;
          for (const l of spec.layers)
            if (l.kind === 'conv') {
              if (l.groups === 2) expect(channels % 2 === 0 && l.filters % 2 === 0).toBe(true);
              channels = l.filters;
            }
          const rows = computeShapes(spec);
          expect(rows[rows.length - 1].outShape).toEqual([10]);
        }
  });
});
