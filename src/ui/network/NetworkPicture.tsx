import { useMemo, useState, type KeyboardEvent } from 'react';
import { buildSpec } from '../../model/spec';
import { computeShapes, shapesForInput } from '../../model/shapes';
import type { LayerSpec } from '../../shared/types';
import { inspectTestImage } from '../../client/inspect';
import { useApp } from '../../store';
import { useT } from '../i18n';
import { c1Formula } from '../layers/c1Formula';
import { BlockShape } from './BlockShape';
import { layoutNetwork, mapsTarget, type NetBlock } from './layout';
import { BlockDetail } from './BlockDetail';
import './network.css';

/** The paper's stated input side, which does not fit C1 (the layer table's note says why). */
const PAPER_TEXT_SIZE = 224;

/**
 * The network drawn from the layer spec (data-testid="network-picture"): one block per entry with
 * data-layer, data-kind and its output shape below; hover or focus shows its numbers, a click or
 * Enter opens its feature maps in "Look inside".
 */
export function NetworkPicture() {
  const t = useT();
  const config = useApp((s) => s.config);
  const focusLayer = useApp((s) => s.focusLayer);
  const canInspect = useApp((s) => s.dataset !== null && s.dataset.testCount > 0 && s.subjectLabel === null);
  const [paperText, setPaperText] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const spec = useMemo(() => buildSpec(config), [config]);
  const conv1 = spec.layers.find((l): l is Extract<LayerSpec, { kind: 'conv' }> => l.kind === 'conv');
  const hasResize = spec.layers.some((l) => l.kind === 'resize');
  const at224 = paperText && hasResize;
  const shapes = useMemo(
    () => (at224 ? shapesForInput(spec, PAPER_TEXT_SIZE) : computeShapes(spec)),
    [spec, at224],
  );
  const layout = useMemo(() => layoutNetwork(spec, shapes), [spec, shapes]);
  const activeBlock = layout.blocks.find((b) => b.name === active) ?? null;

  const pick = (b: NetBlock) => {
    focusLayer(mapsTarget(spec, b.name) ?? b.name);
    // Maps need an image: the first test image until the visitor picks one.
    if (canInspect) inspectTestImage(0);
  };
  const onKey = (e: KeyboardEvent, b: NetBlock) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    pick(b);
  };

  return (
    <section className="panel network" aria-labelledby="network-title">
      <h2 id="network-title">{t('netTitle')}</h2>
      <p className="hint">{t('netHint')}</p>
      {hasResize && (
        <label className="check">
          <input
            type="checkbox"
            checked={paperText}
            onChange={(e) => setPaperText(e.currentTarget.checked)}
          />{' '}
          {t('net224Toggle')}
        </label>
      )}
      <div className="net-scroll">
        <svg
          data-testid="network-picture"
          data-preset={spec.preset}
          role="group"
          aria-label={t('netFigure')}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <line className="flow" x1={0} x2={layout.width} y1={layout.mid} y2={layout.mid} />
          {layout.blocks.map((b) => (
            <g
              key={b.name}
              className={`block kind-${b.kind}${b.fractional ? ' fractional' : ''}${active === b.name ? ' active' : ''}`}
              data-layer={b.name}
              data-kind={b.kind}
              data-towers={b.boxes.length}
              tabIndex={0}
              role="button"
              aria-label={`${b.name}: ${b.caption ? `${b.caption}, ` : ''}${b.shapeText}`}
              aria-describedby="net-detail"
              onMouseEnter={() => setActive(b.name)}
              onMouseLeave={() => setActive(null)}
              onFocus={() => setActive(b.name)}
              onBlur={() => setActive(null)}
              onClick={() => pick(b)}
              onKeyDown={(e) => onKey(e, b)}
            >
              <rect className="hit" x={b.x - 4} y={0} width={b.colWidth + 8} height={layout.height} />
              <text className="name" x={b.cx} y={layout.nameY}>
                {b.name}
              </text>
              <text className="caption" x={b.cx} y={layout.captionY}>
                {b.caption}
              </text>
              <BlockShape block={b} />
              {b.kind !== 'activation' && (
                <text className="shape" data-testid="net-shape" x={b.cx} y={layout.shapeY}>
                  {b.shapeText}
                </text>
              )}
            </g>
          ))}
        </svg>
      </div>
      {at224 && conv1 && (
        <p className="note" data-testid="net-224-note">
          {t('net224Note', { f224: c1Formula(conv1, PAPER_TEXT_SIZE), f227: c1Formula(conv1, 227) })}
        </p>
      )}
      <BlockDetail block={activeBlock} />
    </section>
  );
}
