import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { readFlag, writeFlag } from '../storedFlag';

const PROJECTOR_KEY = 'alexnet-lab.projector';

/** Projector mode: large type for a classroom, remembered in this browser. */
export function ProjectorToggle() {
  const t = useT();
  const [projector, setProjector] = useState(() => readFlag(PROJECTOR_KEY));
  useEffect(() => {
    document.documentElement.classList.toggle('projector', projector);
    writeFlag(PROJECTOR_KEY, projector);
  }, [projector]);
  return (
    <label className="check">
      <input type="checkbox" checked={projector} onChange={(e) => setProjector(e.currentTarget.checked)} />{' '}
      {t('projector')}
    </label>
  );
}
