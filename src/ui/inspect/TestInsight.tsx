import { useMemo, useState } from 'react';
import { inspectTestImage, requestInsight } from '../../client/inspect';
import { CLASS_NAMES, IMAGE_BYTES, IMAGE_SIZE, NUM_CLASSES } from '../../shared/types';
import type { TestInsight as Insight } from '../../shared/inspect';
import { useApp } from '../../store';
import { useProblemText, useT } from '../i18n';
import { PixelCanvas } from './PixelCanvas';
import { className } from './classNames';
import { TableScroll } from '../TableScroll';
import { confusionPng } from '../charts/chartPng';
import { downloadBlob } from '../../client/download';
import { ModelLabel } from './ModelLabel';

const GALLERY_MAX = 60;

/** Predictions on the run's test images: confusion matrix, per-class accuracy and a gallery. */
export function TestInsight() {
  const t = useT();
  const r = useApp((s) => s.insight);
  const busy = useApp((s) => s.insightBusy);
  const error = useApp((s) => s.insightError);
  const word = useProblemText();
  return (
    <div className="insight">
      <div className="buttons">
        <button onClick={requestInsight} disabled={busy}>
          {t('insightRun')}
        </button>
        {busy && (
          <span className="hint" role="status">
            {t('insightBusy')}
          </span>
        )}
      </div>
      {error && (
        <p className="alert" role="alert">
          {word(error)}
        </p>
      )}
      {r && <InsightBody r={r} />}
    </div>
  );
}

function InsightBody({ r }: { r: Insight }) {
  const t = useT();
  const [pct, setPct] = useState(false);
  const [mistakes, setMistakes] = useState(false);
  const [cls, setCls] = useState(-1);
  const n = r.labels.length;
  const correct = r.labels.reduce((s, l, i) => s + (l === r.preds[i] ? 1 : 0), 0);
  const shown = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (mistakes && r.labels[i] === r.preds[i]) continue;
      if (cls >= 0 && r.labels[i] !== cls) continue;
      out.push(i);
    }
    return out;
  }, [r, n, mistakes, cls]);
  const rowSum = (tr: number) =>
    r.counts.slice(tr * NUM_CLASSES, (tr + 1) * NUM_CLASSES).reduce((a, b) => a + b, 0);

  return (
    <>
      <ModelLabel origin={r.model} testId="insight-model" />
      <p>{t('insightSummary', { correct, n, pct: ((100 * correct) / Math.max(1, n)).toFixed(1) })}</p>
      <h4>{t('confusionTitle')}</h4>
      <div className="buttons" role="radiogroup" aria-label={t('confusionTitle')}>
        <label>
          <input type="radio" checked={!pct} onChange={() => setPct(false)} /> {t('showCounts')}
        </label>
        <label>
          <input type="radio" checked={pct} onChange={() => setPct(true)} /> {t('showRowPct')}
        </label>
      </div>
      <div className="buttons">
        <button
          type="button"
          aria-label={t('savePngOf', { name: t('confusionTitle') })}
          onClick={() =>
            void confusionPng(
              r.counts,
              CLASS_NAMES.map((_, i) => className(t, i)),
              r.perClassAcc,
              t('confusionTitle'),
              t('trueVsPred'),
              t('perClassAcc'),
            ).then((b) => downloadBlob('confusion-matrix.png', b))
          }
        >
          {t('savePng')}
        </button>
      </div>
      <TableScroll label={t('confusionTitle')}>
        <table className="confusion" data-testid="confusion">
          <thead>
            <tr>
              <th>{t('trueVsPred')}</th>
              {CLASS_NAMES.map((c, i) => (
                <th key={c}>{className(t, i)}</th>
              ))}
              <th>{t('perClassAcc')}</th>
            </tr>
          </thead>
          <tbody>
            {CLASS_NAMES.map((c, tr) => (
              <tr key={c}>
                <th>{className(t, tr)}</th>
                {CLASS_NAMES.map((_, p) => {
                  const v = r.counts[tr * NUM_CLASSES + p];
                  const frac = v / Math.max(1, rowSum(tr));
                  return (
                    <td
                      key={p}
                      style={{
                        background: `rgba(31, 95, 191, ${frac.toFixed(3)})`,
                        color: frac > 0.5 ? '#fff' : undefined,
                      }}
                    >
                      {pct ? (100 * frac).toFixed(0) : v}
                    </td>
                  );
                })}
                <td>{Number.isNaN(r.perClassAcc[tr]) ? '—' : `${(100 * r.perClassAcc[tr]).toFixed(1)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="buttons">
        <label>
          <input type="checkbox" checked={mistakes} onChange={(e) => setMistakes(e.currentTarget.checked)} />{' '}
          {t('mistakesOnly')}
        </label>
        <label>
          {t('classFilter')}{' '}
          <select
            aria-label={t('classFilter')}
            value={cls}
            onChange={(e) => setCls(Number(e.currentTarget.value))}
          >
            <option value={-1}>{t('allClasses')}</option>
            {CLASS_NAMES.map((c, i) => (
              <option key={c} value={i}>
                {className(t, i)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">
        {t('galleryShown', { shown: Math.min(GALLERY_MAX, shown.length), n: shown.length })}
      </p>
      <ul className="gallery" data-testid="gallery">
        {shown.slice(0, GALLERY_MAX).map((i) => {
          const probs = r.probs.subarray(i * NUM_CLASSES, (i + 1) * NUM_CLASSES);
          const top = Array.from(probs, (p, c) => ({ p, c }))
            .sort((a, b) => b.p - a.p)
            .slice(0, 5);
          const caption = t('galleryItem', {
            pred: className(t, r.preds[i]),
            truth: className(t, r.labels[i]),
          });
          return (
            <li key={i} className={r.preds[i] === r.labels[i] ? 'right' : 'wrong'}>
              <button className="gallery-item" onClick={() => inspectTestImage(r.indices[i])} title={caption}>
                <PixelCanvas
                  pixels={r.pixels.subarray(i * IMAGE_BYTES, (i + 1) * IMAGE_BYTES)}
                  width={IMAGE_SIZE}
                  height={IMAGE_SIZE}
                  display={64}
                  label={caption}
                />
                <span className="gallery-caption">{caption}</span>
                <span className="mini-bars" aria-hidden="true">
                  {top.map(({ p, c }) => (
                    <span key={c}>
                      <span className="mini-name">{className(t, c)}</span>
                      <span className="mini-bar" style={{ width: `${(p * 100).toFixed(0)}%` }} />
                    </span>
                  ))}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
