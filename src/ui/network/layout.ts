// Where each entry of a model spec is drawn in the network picture, in the spirit of the paper's
// figure 2: image tensors as boxes (height ∝ √spatial size, depth ∝ log channels), two stacked
// towers for grouped convolutions, vectors as bars. Pure: spec + shapes in, SVG coordinates out.
import type { LayerShape, LayerSpec, ModelSpec } from '../../shared/types';
import { shapeText } from '../layers/shapeText';

/** A box in oblique projection: front face x, y, w (channels) × h (spatial); the top and side recede by `off`. */
export interface Cuboid {
  x: number;
  y: number;
  w: number;
  h: number;
  off: number;
  /** Channels this box stands for (half of the layer's for a tower). */
  channels: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NetBlock {
  name: string;
  kind: LayerSpec['kind'];
  layer: LayerSpec;
  /** Left edge and width of the block's column. */
  x: number;
  colWidth: number;
  /** Horizontal centre, where the name and the shape text are centred. */
  cx: number;
  shapeText: string;
  fractional: boolean;
  params: number;
  macs: number;
  /** Image tensors: one box (a thin slab for LRN), or two towers (grouped conv). */
  boxes: Cuboid[];
  /** Vectors (flatten, dense, dropout) and the activation glyph. */
  bar: Rect | null;
  /** Pooling: the first two windows of a row, size and stride to scale, so overlap shows. */
  windows: Rect[];
  /** Short notation drawn above the block: "96@11×11/4", "3×3/2", "p 0.5", "relu". */
  caption: string;
}

export interface NetLayout {
  width: number;
  height: number;
  /** y of the middle line every block is centred on. */
  mid: number;
  /** y of the name row (above) and of the shape row (below every block). */
  nameY: number;
  captionY: number;
  shapeY: number;
  blocks: NetBlock[];
}

export const SIZES = {
  minSide: 12,
  maxSide: 96,
  minDepth: 3,
  maxDepth: 30,
  /** Receding edge of a box, as a fraction of its side. */
  recede: 0.35,
  minBar: 24,
  maxBar: 120,
  barWidth: 9,
  lrnWidth: 6,
  glyph: 20,
  towerGap: 8,
  colGap: 10,
  /** Font sizes of the shape and name rows and of the caption row (network.css). */
  fontPx: 11,
  captionPx: 10,
  windowUnit: 5,
  top: 52,
  bottom: 24,
} as const;

const isImage = (s: LayerShape) => s.outShape.length === 3;

/**
 * Width of a label in pixels, from DejaVu Sans-like advance widths in em (a little generous, so
 * narrower system fonts only leave more room): columns must not let neighbouring labels touch.
 */
export function textWidth(text: string, px: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.64;
    else if (ch === '×' || ch === '@' || /[A-Zmw]/.test(ch)) em += 0.9;
    else if (ch === '.' || ch === ' ' || ch === '/' || /[il]/.test(ch)) em += 0.34;
    else em += 0.62;
  }
  return em * px * (bold ? 1.1 : 1);
}

/** Box side for spatial size `h` when the largest in the network is `maxH`. */
export function sideFor(h: number, maxH: number): number {
  return SIZES.minSide + (SIZES.maxSide - SIZES.minSide) * Math.sqrt(h / maxH);
}

/** Box depth for `c` channels when the most in the network is `maxC` (log scale: 3 … 384). */
export function depthFor(c: number, maxC: number): number {
  if (maxC <= 1) return SIZES.minDepth;
  return SIZES.minDepth + (SIZES.maxDepth - SIZES.minDepth) * (Math.log(c) / Math.log(maxC));
}

/** Bar height for a vector of `n` units when the longest is `maxN` (log scale). */
export function barFor(n: number, maxN: number): number {
  if (maxN <= 1) return SIZES.minBar;
  return SIZES.minBar + (SIZES.maxBar - SIZES.minBar) * (Math.log(n) / Math.log(maxN));
}

function captionOf(l: LayerSpec): string {
  switch (l.kind) {
    case 'conv':
      return `${l.filters}@${l.kernel}×${l.kernel}${l.stride > 1 ? `/${l.stride}` : ''}`;
    case 'maxpool':
      return `${l.size}×${l.size}/${l.stride}`;
    case 'dropout':
      return `p ${l.rate}`;
    case 'activation':
      return l.fn;
    case 'lrn':
      return `n ${l.n}`;
    case 'dense':
      return String(l.units);
    default:
      return '';
  }
}

/**
 * Lays out one block per spec entry, left to right. `shapes` is computeShapes(spec) (or the 224
 * variant): sizes come from it, so a fractional 54.25 is drawn as such.
 */
export function layoutNetwork(spec: ModelSpec, shapes: LayerShape[]): NetLayout {
  const images = shapes.filter(isImage);
  const maxH = Math.max(1, ...images.map((s) => s.outShape[0]));
  const maxC = Math.max(1, ...images.map((s) => s.outShape[2]));
  const maxN = Math.max(1, ...shapes.filter((s) => !isImage(s)).map((s) => s.outShape[0]));

  // Heights first (above and below the middle line), then the columns.
  type Draft = Omit<NetBlock, 'x' | 'colWidth' | 'cx'> & { width: number; half: number };
  const drafts: Draft[] = spec.layers.map((layer, i) => {
    const s = shapes[i];
    const base = {
      name: layer.name,
      kind: layer.kind,
      layer,
      // Without the spaces of the layer table ("55×55×96"), as in the paper's figure: narrower columns.
      shapeText: shapeText(s.outShape).replaceAll(' × ', '×'),
      fractional: s.fractional,
      params: s.params,
      macs: s.macs,
      boxes: [] as Cuboid[],
      bar: null as Rect | null,
      windows: [] as Rect[],
      caption: captionOf(layer),
    };
    if (layer.kind === 'activation') {
      const g = SIZES.glyph;
      return { ...base, bar: { x: 0, y: -g / 2, w: g, h: g }, width: g, half: g / 2 };
    }
    if (isImage(s)) {
      const [h, , c] = s.outShape;
      const side = sideFor(h, maxH);
      const off = side * SIZES.recede;
      const towers = layer.kind === 'conv' ? layer.groups : 1;
      // LRN is drawn as a thin slab: it changes values across channels, not the shape.
      const w = layer.kind === 'lrn' ? SIZES.lrnWidth : depthFor(c / towers, maxC);
      const boxes: Cuboid[] =
        towers === 1
          ? [{ x: 0, y: -side / 2, w, h: side, off, channels: c }]
          : [
              { x: 0, y: -SIZES.towerGap / 2 - side, w, h: side, off, channels: c / 2 },
              { x: 0, y: SIZES.towerGap / 2 + off, w, h: side, off, channels: c / 2 },
            ];
      const half = towers === 1 ? side / 2 + off : SIZES.towerGap / 2 + side + off;
      let windows: Rect[] = [];
      if (layer.kind === 'maxpool') {
        const u = SIZES.windowUnit;
        const k = layer.size * u;
        const step = layer.stride * u;
        windows = [
          { x: 0, y: 0, w: k, h: k },
          { x: step, y: 0, w: k, h: k },
        ];
      }
      const winWidth = windows.length ? windows[1].x + windows[1].w : 0;
      return { ...base, boxes, windows, width: Math.max(w + off, winWidth), half };
    }
    const h = barFor(s.outShape[0], maxN);
    return { ...base, bar: { x: 0, y: -h / 2, w: SIZES.barWidth, h }, width: SIZES.barWidth, half: h / 2 };
  });

  const half = Math.max(...drafts.map((d) => d.half));
  const mid = SIZES.top + half;
  let x = SIZES.colGap;
  const blocks: NetBlock[] = drafts.map((d) => {
    const text = Math.max(
      textWidth(d.name, SIZES.fontPx, true),
      textWidth(d.caption, SIZES.captionPx),
      d.kind === 'activation' ? 0 : textWidth(d.shapeText, SIZES.fontPx),
    );
    const colWidth = Math.max(d.width, text);
    const left = x + (colWidth - d.width) / 2;
    const shift = (r: Rect): Rect => ({ ...r, x: r.x + left, y: r.y + mid });
    const block: NetBlock = {
      name: d.name,
      kind: d.kind,
      layer: d.layer,
      x,
      colWidth,
      cx: x + colWidth / 2,
      shapeText: d.shapeText,
      fractional: d.fractional,
      params: d.params,
      macs: d.macs,
      boxes: d.boxes.map((b) => ({ ...b, x: b.x + left, y: b.y + mid })),
      bar: d.bar && shift(d.bar),
      // Windows sit above the pooled box, left-aligned with it.
      windows: d.windows.map((r) => ({ ...r, x: r.x + left, y: mid - d.half - r.h - 3 })),
      caption: d.caption,
    };
    x += colWidth + SIZES.colGap;
    return block;
  });
  return {
    width: x,
    height: mid + half + SIZES.bottom + 14,
    mid,
    nameY: 12,
    captionY: 26,
    shapeY: mid + half + SIZES.bottom,
    blocks,
  };
}

/** Kinds whose output the inspector draws as feature maps (worker/inspect.ts). */
const MAP_KINDS: readonly LayerSpec['kind'][] = ['conv', 'lrn', 'maxpool', 'dense'];

/**
 * The layer whose maps a click on `name` shows: itself if it has maps, else the nearest one before
 * it (activations and dropout have no maps of their own); null before the first conv.
 */
export function mapsTarget(spec: ModelSpec, name: string): string | null {
  const i = spec.layers.findIndex((l) => l.name === name);
  for (let j = i; j >= 0; j--) if (MAP_KINDS.includes(spec.layers[j].kind)) return spec.layers[j].name;
  return null;
}
