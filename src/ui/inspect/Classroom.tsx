import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';

const PROJECTOR_KEY = 'alexnet-lab.projector';

function savedProjector(): boolean {
  try {
    return localStorage.getItem(PROJECTOR_KEY) === '1';
  } catch {
    return false;
  }
}

/** Projector mode (large type, remembered) and the About dialog (a native <dialog>: Escape closes it). */
export function Classroom() {
  const t = useT();
  const [projector, setProjector] = useState(savedProjector);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    document.documentElement.classList.toggle('projector', projector);
    try {
      localStorage.setItem(PROJECTOR_KEY, projector ? '1' : '0');
    } catch {
      // Not remembered, but still switched.
    }
  }, [projector]);
  return (
    <div className="classroom">
      <label className="check">
        <input type="checkbox" checked={projector} onChange={(e) => setProjector(e.currentTarget.checked)} />{' '}
        {t('projector')}
      </label>
      <button onClick={() => dialog.current?.showModal()}>{t('about')}</button>
      <dialog ref={dialog} className="about" aria-labelledby="about-title">
        <h2 id="about-title">{t('aboutTitle')}</h2>
        <p>{t('aboutIntro')}</p>
        <dl>
          <dt>ReLU</dt>
          <dd>{t('aboutRelu')}</dd>
          <dt>LRN</dt>
          <dd>{t('aboutLrn')}</dd>
          <dt>{t('pooling')}</dt>
          <dd>{t('aboutPool')}</dd>
          <dt>Dropout</dt>
          <dd>{t('aboutDropout')}</dd>
          <dt>2 × GPU</dt>
          <dd>{t('aboutGroups')}</dd>
        </dl>
        <form method="dialog">
          <button autoFocus>{t('close')}</button>
        </form>
      </dialog>
    </div>
  );
}
