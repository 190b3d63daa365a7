import { useRef } from 'react';
import { useT } from '../i18n';

/** The About button and dialog: each innovation with the paper's claim (a native <dialog>: Escape closes it). */
export function AboutDialog() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
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
        {/* showModal() focuses the first focusable element: this button. */}
        <form method="dialog">
          <button>{t('close')}</button>
        </form>
      </dialog>
    </>
  );
}
