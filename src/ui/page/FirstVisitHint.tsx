import { useState } from 'react';
import { useT } from '../i18n';
import { readFlag, writeFlag } from '../storedFlag';

const HINT_KEY = 'alexnet-lab.firstVisitHintDismissed';

/** Three steps for a first-time visitor, until dismissed (remembered in this browser). */
export function FirstVisitHint() {
  const t = useT();
  const [shown, setShown] = useState(() => !readFlag(HINT_KEY));
  if (!shown) return null;
  const dismiss = () => {
    setShown(false);
    writeFlag(HINT_KEY, true);
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
