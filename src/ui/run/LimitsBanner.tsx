import { isRunActive, store, useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { useProblemText, useT } from '../i18n';

/**
 * The run was refused before it started: a buffer over the GPU's limits. Offers the largest batch
 * that fits; choosing it sets the batch size and trains.
 */
export function LimitsBanner() {
  const t = useT();
  const word = useProblemText();
  const refusal = useApp((s) => s.limitsRefusal);
  const running = useApp(isRunActive);
  const ready = useApp((s) => s.dataset !== null);
  if (!refusal || running) return null;
  const { batch } = refusal;
  const takeBatch = () => {
    if (batch === null) return;
    store.getState().setOptimizer({ batchSize: batch });
    bridge.train();
  };
  return (
    <div className="alert" role="alert" data-testid="limits-banner" data-batch={batch ?? ''}>
      <p>{word(refusal.problem)}</p>
      {batch !== null && (
        <button className="primary" onClick={takeBatch} disabled={!ready}>
          {t('limitsUseBatch', { batch })}
        </button>
      )}
    </div>
  );
}
