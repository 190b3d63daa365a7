import { isRunActive, useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { useProblemText, useT } from '../i18n';

/**
 * The training guard stopped the run (train/guard.ts): what went wrong, at which step and layer,
 * and the way on where one helps: a fresh Worker on WebAssembly from the run's last checkpoint.
 */
export function GuardBanner() {
  const t = useT();
  const word = useProblemText();
  const trip = useApp((s) => s.guardTrip);
  const running = useApp(isRunActive);
  if (!trip || running) return null;
  return (
    <div
      className="alert"
      role="alert"
      data-testid="guard-banner"
      data-step={trip.step}
      data-layer={trip.layer ?? ''}
    >
      <p>{word(trip.problem)}</p>
      {trip.offerWasm && (
        <>
          <p>{t('guardOffer')}</p>
          <button className="primary" onClick={() => bridge.continueOnWasm()}>
            {t('guardContinueWasm')}
          </button>
        </>
      )}
    </div>
  );
}
