import { useEffect, useRef, type RefObject } from 'react';
import type { LayerMaps } from '../../shared/inspect';
import { useApp } from '../../store';
import { translate, useLang, useT, type Lang, type Translate } from '../i18n';
import { scrollBelowRunBar } from '../page/steps';
import { ModelLabel } from './ModelLabel';

/**
 * Every conv, LRN, max-pool and FC layer's output for the image being inspected
 * (data-testid="feature-maps", one child per layer with data-layer). Image layers: one small
 * canvas per channel, grey scaled to that channel's own range; FC layers: a strip, one column per unit.
 */
export function FeatureMaps() {
  const t = useT();
  const lang = useLang();
  const inspection = useApp((s) => s.inspection);
  const focused = useApp((s) => s.focusedLayer);
  const busy = useApp((s) => s.inspectBusy);
  const box = useRef<HTMLElement>(null);
  // The pick (its seq) last brought into view: later inspections (after each epoch) leave the page alone.
  const shown = useRef(0);
  // A layer picked in the network picture: bring its maps into view, once per pick.
  useEffect(() => {
    const list = box.current;
    if (!focused || !list || shown.current === focused.seq) return;
    // Before any image the hint (the same ref) is what comes into view.
    const el = list.querySelector<HTMLElement>(`[data-layer="${CSS.escape(focused.name)}"]`);
    // The list scrolls inside itself; the page then brings the list below the sticky run bar.
    if (el) list.scrollTop = el.offsetTop;
    scrollBelowRunBar(list, 8);
    // Done once its maps are there, or once no answer that could bring them is on its way.
    if (el || (inspection && !busy)) shown.current = focused.seq;
  }, [focused, inspection, busy]);
  if (!inspection)
    return (
      <p className="hint feature-maps-empty" ref={box as RefObject<HTMLParagraphElement>}>
        {t('featureMapsEmpty')}
      </p>
    );
  return (
    <>
      <ModelLabel origin={inspection.model} testId="maps-model" />
      <div className="feature-maps" data-testid="feature-maps" ref={box as RefObject<HTMLDivElement>}>
        {inspection.layers.map((layer) => (
          <LayerView key={layer.name} layer={layer} lang={lang} focused={focused?.name === layer.name} />
        ))}
      </div>
    </>
  );
}

function LayerView({ layer, lang, focused }: { layer: LayerMaps; lang: Lang; focused: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  // Thousands of canvases (2,400 for the paper preset): built directly, not as React elements.
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const t: Translate = (key, vars) => translate(lang, key, vars);
    box.replaceChildren(layer.shape.length === 3 ? channelTiles(layer, t) : unitStrip(layer, t));
  }, [layer, lang]);
  return (
    <section
      className={focused ? 'fm-layer focused' : 'fm-layer'}
      data-layer={layer.name}
      data-focused={focused || undefined}
      aria-label={layer.name}
    >
      <h4>
        {layer.name}{' '}
        <span className="hint">
          · {layer.kind} · {layer.shape.join(' × ')}
        </span>
      </h4>
      <div ref={ref} className="fm-body" />
    </section>
  );
}

function channelTiles(layer: LayerMaps, t: Translate): DocumentFragment {
  const [h, w, c] = layer.shape;
  const frag = document.createDocumentFragment();
  const grid = document.createElement('div');
  grid.className = 'fm-grid';
  const display = Math.max(32, Math.min(64, w * 2));
  for (let ch = 0; ch < c; ch++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < h * w; p++) {
      const v = layer.values[p * c + ch];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const scale = hi > lo ? 255 / (hi - lo) : 0;
    const img = new ImageData(w, h);
    for (let p = 0; p < h * w; p++) {
      const g = Math.round((layer.values[p * c + ch] - lo) * scale);
      img.data.set([g, g, g, 255], p * 4);
    }
    const fig = document.createElement('figure');
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    canvas.className = 'pixelated';
    canvas.style.width = `${display}px`;
    canvas.style.height = `${(display * h) / w}px`;
    canvas.getContext('2d')?.putImageData(img, 0, 0);
    const label = t('channelOf', { layer: layer.name, c: ch });
    canvas.title = label;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    const cap = document.createElement('figcaption');
    cap.textContent = String(ch);
    fig.append(canvas, cap);
    grid.append(fig);
  }
  frag.append(grid);
  return frag;
}

function unitStrip(layer: LayerMaps, t: Translate): DocumentFragment {
  const n = layer.values.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of layer.values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  // Bars from the strip's bottom, height ∝ value within [lo, hi]; a row of 40 pixels.
  const height = 40;
  const canvas = document.createElement('canvas');
  canvas.width = n;
  canvas.height = height;
  canvas.className = 'fm-strip';
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.fillStyle = '#1f5fbf';
    const scale = hi > lo ? height / (hi - lo) : 0;
    for (let u = 0; u < n; u++) {
      const bar = Math.max(1, (layer.values[u] - lo) * scale);
      ctx.fillRect(u, height - bar, 1, bar);
    }
  }
  const label = t('unitsOf', { layer: layer.name, n });
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.title = `${label} (${lo.toFixed(2)} … ${hi.toFixed(2)})`;
  const frag = document.createDocumentFragment();
  frag.append(canvas);
  return frag;
}
