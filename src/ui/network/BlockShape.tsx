import type { Cuboid, NetBlock, Rect } from './layout';

/** A box in oblique projection: front face, then the receding top and side. */
function Box({ b, className }: { b: Cuboid; className: string }) {
  const { x, y, w, h, off } = b;
  const top = `${x},${y} ${x + off},${y - off} ${x + w + off},${y - off} ${x + w},${y}`;
  const side = `${x + w},${y} ${x + w + off},${y - off} ${x + w + off},${y + h - off} ${x + w},${y + h}`;
  return (
    <g className={className} data-tower>
      <polygon className="top" points={top} />
      <polygon className="side" points={side} />
      <rect className="front" x={x} y={y} width={w} height={h} />
    </g>
  );
}

/** The activation's curve inside its square: ReLU a ramp, tanh and sigmoid an S. */
function Glyph({ r, fn }: { r: Rect; fn: string }) {
  const { x, y, w, h } = r;
  const path =
    fn === 'relu'
      ? `M${x + 3},${y + h * 0.7} L${x + w / 2},${y + h * 0.7} L${x + w - 3},${y + 3}`
      : `M${x + 3},${y + h - 4} C${x + w * 0.55},${y + h - 4} ${x + w * 0.45},${y + 4} ${x + w - 3},${y + 4}`;
  return (
    <g className="glyph">
      <rect x={x} y={y} width={w} height={h} rx={4} />
      <path d={path} />
    </g>
  );
}

/** Dropout: the bar with every other unit left hollow (half of them dropped at rate 0.5). */
function DropoutBar({ r }: { r: Rect }) {
  const dots = Math.max(3, Math.floor(r.h / 10));
  return (
    <g className="dropout">
      <rect x={r.x} y={r.y} width={r.w} height={r.h} />
      {Array.from({ length: dots }, (_, i) => (
        <circle
          key={i}
          className={i % 2 ? 'dropped' : 'kept'}
          cx={r.x + r.w / 2}
          cy={r.y + ((i + 0.5) * r.h) / dots}
          r={2.6}
        />
      ))}
    </g>
  );
}

/** The drawing of one spec entry (no text: NetworkPicture writes the name, caption and shape). */
export function BlockShape({ block }: { block: NetBlock }) {
  const { kind, bar, layer } = block;
  if (kind === 'activation' && bar && layer.kind === 'activation') return <Glyph r={bar} fn={layer.fn} />;
  if (kind === 'dropout' && bar) return <DropoutBar r={bar} />;
  if (bar) return <rect className={`bar ${kind}`} x={bar.x} y={bar.y} width={bar.w} height={bar.h} />;
  return (
    <>
      {block.boxes.map((b, i) => (
        <Box key={i} b={b} className={`box ${kind}`} />
      ))}
      {block.windows.map((r, i) => (
        <rect key={`w${i}`} className="window" x={r.x} y={r.y} width={r.w} height={r.h} />
      ))}
    </>
  );
}
