import { useState } from 'react';
import { useT } from '../i18n';

const HINT_KEY = 'alexnet-lab.firstVisitHintDismissed';

function dismissedBefore(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return false;
  }
}

/** Three steps for a first-time visitor, until dismissed (remembered in this browser). */
export function FirstVisitHint() {
  const t = useT();
  const [shown, setShown] = useState(() => !dismissedBefore());
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    try {
      localStorage.setItem(HINT_KEY, '1');
    } catch {
      // Hidden for this visit only.
    }
  };
  return (
    <aside className="first-hint" aria-labelledby="first-hint-title" data-testid="first-visit-hint">
      <h2 id="first-hint-title">{t('hintTitle')}</h2>
      <ol>
        <li>{t('hintTrain')}</li>
        <li>{t('hintInside')}</li>
        <li>{t('hintCompare')}</li>
      </ol>
      <button onClick={dismiss}>{t('hintDismiss')}</button>
    </aside>
  );
}
