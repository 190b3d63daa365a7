import { describe, expect, it } from 'vitest';
import { niceTicks, plotSvg } from './svgPlot';

describe('niceTicks', () => {
  it('gives round values 1, 2 or 5 × a power of ten apart inside the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.13, 2.41)).toEqual([0.5, 1, 1.5, 2]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('plotSvg', () => {
  const lines = [
    {
      label: 'relu <b>&</b> "quoted"',
      colour: '#37a',
      points: [
        { x: 0, y: 2.3 },
        { x: 10, y: 1.1 },
      ],
    },
    {
      label: 'tanh',
      colour: '#c60',
      points: [
        { x: 0, y: 2.3 },
        { x: 5, y: Number.NaN },
        { x: 10, y: 1.9 },
      ],
    },
  ];
  const svg = plotSvg({ title: 'Loss', xLabel: 'steps', yLabel: 'loss', lines });

  it('is a standalone SVG document with one path and one legend entry per line', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720"/);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('>tanh</text>');
  });

  it('escapes run names, which may hold markup', () => {
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('relu &lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot;');
  });

  it('maps values onto the plot area: the lowest point at the bottom, the first x at the left', () => {
    const d = [...svg.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    // x from 64 (left margin) to 696; y: 2.3 (max) at the top (40), 1.1 (min) at the bottom (360).
    expect(d[0]).toBe('M64 40L696 360');
    // The NaN breaks the second line into two pieces.
    expect(d[1].match(/M/g)).toHaveLength(2);
  });

  it('uses a fixed y range when given, and cuts long names in the legend', () => {
    const pct = plotSvg({
      title: 'Top-1',
      xLabel: 'epochs',
      yLabel: '%',
      yRange: [0, 100],
      lines: [
        {
          label: 'x'.repeat(60),
          colour: '#000',
          points: [
            { x: 1, y: 50 },
            { x: 2, y: 50 },
          ],
        },
      ],
    });
    expect(pct).toContain('M64 200L696 200');
    expect(pct).toContain(`${'x'.repeat(27)}…</text>`);
    expect(pct).toContain(`<title>${'x'.repeat(60)}</title>`);
  });
});
