import { useEffect, useState } from 'react';
import { store, useApp } from '../../store';
import { UNDO_MS } from '../../store/labSlice';
import { useT } from '../i18n';

/** "3 runs deleted — Undo (7 s)": shown while a deletion can still be taken back. */
export function UndoBar() {
  const t = useT();
  const trash = useApp((s) => s.trash);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!trash) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [trash]);
  if (!trash) return null;
  // `now` may date from before this deletion (the clock ticks only while one is shown): clamped.
  const left = Math.min(UNDO_MS, Math.max(0, trash.until - now));
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="hint undo-bar" role="status" data-testid="undo-delete">
      <p>{t('labDeleted', { n: trash.runs.length, s: seconds })}</p>
      <button onClick={() => store.getState().undoDelete()}>{t('labUndo')}</button>
    </div>
  );
}
