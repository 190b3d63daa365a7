import { CLASS_NAMES, IMAGE_SIZE } from '../../shared/types';
import { useApp } from '../../store';
import { useProblemText, useT } from '../i18n';
import { OriginNote, originText } from './ModelLabel';
import { PixelCanvas } from './PixelCanvas';
import { className } from './classNames';

/** The image as the network gets it and its top-5 classes (data-testid="top5", one row per class). */
export function Prediction() {
  const t = useT();
  const r = useApp((s) => s.inspection);
  const error = useApp((s) => s.inspectError);
  const word = useProblemText();
  return (
    <div className="prediction">
      {error && (
        <p className="alert" role="alert">
          {word(error)}
        </p>
      )}
      {r && (
        <>
          <p className="hint">
            {t('modelIs')}:{' '}
            <strong data-testid="inspect-model" data-source={r.model.source}>
              {originText(t, r.model)}
            </strong>{' '}
            · {Math.round(r.ms)} ms
          </p>
          <OriginNote origin={r.model} />
          <div className="prediction-row">
            <figure>
              <PixelCanvas
                pixels={r.input}
                width={IMAGE_SIZE}
                height={IMAGE_SIZE}
                display={128}
                label={t('input32')}
              />
              <figcaption>{t('input32')}</figcaption>
            </figure>
            {r.upscaled && (
              <figure>
                <PixelCanvas
                  pixels={r.upscaled.pixels}
                  width={r.upscaled.size}
                  height={r.upscaled.size}
                  display={r.upscaled.size}
                  label={t('upscaledView', { size: r.upscaled.size })}
                />
                <figcaption>{t('upscaledView', { size: r.upscaled.size })}</figcaption>
              </figure>
            )}
            <div>
              <h3>{t('top5Title')}</h3>
              <ol
                className="top5"
                data-testid="top5"
                data-total={r.probs.reduce((a, b) => a + b, 0).toFixed(6)}
              >
                {r.top5.map(({ cls, p }) => (
                  <li key={cls} data-class={CLASS_NAMES[cls]} data-prob={p.toFixed(6)}>
                    <span className="top5-name">{className(t, cls)}</span>
                    <span className="top5-bar" aria-hidden="true">
                      <span style={{ width: `${(p * 100).toFixed(1)}%` }} />
                    </span>
                    <span className="top5-prob">{(p * 100).toFixed(1)} %</span>
                  </li>
                ))}
              </ol>
              {r.trueLabel !== null && <p>{t('trueClass', { name: className(t, r.trueLabel) })}</p>}
            </div>
          </div>
          <p className="hint">{t('cropNote')}</p>
        </>
      )}
    </div>
  );
}
