import { useEffect, useState } from 'react';
import { useT } from '../i18n';

const PROJECTOR_KEY = 'alexnet-lab.projector';

function savedProjector(): boolean {
  try {
    return localStorage.getItem(PROJECTOR_KEY) === '1';
  } catch {
    return false;
  }
}

/** Projector mode: large type for a classroom, remembered in this browser. */
export function ProjectorToggle() {
  const t = useT();
  const [projector, setProjector] = useState(savedProjector);
  useEffect(() => {
    document.documentElement.classList.toggle('projector', projector);
    try {
      localStorage.setItem(PROJECTOR_KEY, projector ? '1' : '0');
    } catch {
      // Not remembered, but still switched.
    }
  }, [projector]);
  return (
    <label className="check">
      <input type="checkbox" checked={projector} onChange={(e) => setProjector(e.currentTarget.checked)} />{' '}
      {t('projector')}
    </label>
  );
}
