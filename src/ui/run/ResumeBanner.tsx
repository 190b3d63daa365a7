import { isRunActive, useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { useT } from '../i18n';

/**
 * Offers to pick up a run that a reload or a crash interrupted, from its last finished epoch
 * (weights and momentum were saved in IndexedDB by the Worker).
 */
export function ResumeBanner() {
  const t = useT();
  const checkpoint = useApp((s) => s.checkpoint);
  const running = useApp(isRunActive);
  const ready = useApp((s) => s.dataset !== null);
  if (!checkpoint || running) return null;
  const { settings } = checkpoint;
  const resume = () => bridge.resumeFrom(checkpoint);
  return (
    <div className="note" role="status" data-testid="resume-banner">
      <p>
        {t('resumeText', {
          step: checkpoint.step,
          epoch: checkpoint.epoch,
          epochs: settings.epochs,
          time: new Date(checkpoint.savedAt).toLocaleTimeString(),
        })}
      </p>
      <button className="primary" onClick={resume} disabled={!ready}>
        {t('resumeButton')}
      </button>{' '}
      <button onClick={() => bridge.discardCheckpoint()}>{t('discardButton')}</button>
    </div>
  );
}
