import { isRunActive, useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { formatDuration } from './format';
import { useProblemText, useT } from '../i18n';
import { ResumeBanner } from './ResumeBanner';
import { GuardBanner } from './GuardBanner';
import { LimitsBanner } from './LimitsBanner';
import { SHORTCUT_KEYS, useRunShortcuts } from './shortcuts';

const key = (k: string) => k.toUpperCase();

/** Train / Pause / Resume / Stop, the run state, and progress with ETA for the epoch and the run. */
export function Controls() {
  const t = useT();
  const state = useApp((s) => s.runState);
  const message = useApp((s) => s.runMessage);
  const warning = useApp((s) => s.runWarning);
  const word = useProblemText();
  const latest = useApp((s) => s.latestStep);
  const saved = useApp((s) => s.savedCheckpoint);
  const ready = useApp((s) => s.dataset !== null);
  const epochs = useApp((s) => s.runSettings?.epochs ?? s.epochs);
  const running = isRunActive({ runState: state });
  // A loaded or finished model of the page's architecture can be trained further; so can the
  // pretrained one while it is the one shown (the page's architecture and seed).
  const held = useApp((s) => s.liveModel);
  const config = useApp((s) => s.config);
  const seed = useApp((s) => s.seed);
  const canContinue =
    held !== null &&
    (held.source === 'loaded' ||
      held.source === 'trained' ||
      (held.source === 'pretrained' && held.seed === seed)) &&
    (Object.keys(config) as (keyof typeof config)[]).every((k) => config[k] === held.config[k]);
  const runProgress = latest ? (latest.epoch - 1 + latest.epochProgress) / epochs : 0;
  useRunShortcuts();

  return (
    <div className="panel controls" aria-label={t('runControls')}>
      <div className="buttons">
        <button
          className="primary"
          onClick={() => bridge.train()}
          disabled={!ready || running}
          aria-keyshortcuts={key(SHORTCUT_KEYS.train)}
        >
          {t('train')}
        </button>
        <button
          onClick={() => bridge.pause()}
          disabled={state !== 'training'}
          aria-keyshortcuts={key(SHORTCUT_KEYS.pause)}
        >
          {t('pause')}
        </button>
        <button
          onClick={() => bridge.resume()}
          disabled={state !== 'paused'}
          aria-keyshortcuts={key(SHORTCUT_KEYS.resume)}
        >
          {t('resume')}
        </button>
        <button onClick={() => bridge.stop()} disabled={!running}>
          {t('stop')}
        </button>
        {canContinue && (
          <button
            onClick={() => bridge.train(undefined, { continueModel: true })}
            disabled={!ready || running}
            title={t('continueHint', { source: held.source })}
          >
            {t('continueTraining')}
          </button>
        )}
        <span className={`run-state state-${state}`}>
          <span data-testid="run-state" data-state={state}>
            {t(`runState_${state}`)}
          </span>
        </span>
      </div>
      <p className="hint shortcuts" data-testid="shortcuts">
        {t('shortcuts')} <kbd>{key(SHORTCUT_KEYS.train)}</kbd> {t('shortcutTrain')} ·{' '}
        <kbd>{key(SHORTCUT_KEYS.pause)}</kbd> {t('shortcutPause')} · <kbd>{key(SHORTCUT_KEYS.resume)}</kbd>{' '}
        {t('shortcutResume')}
      </p>
      <ResumeBanner />
      <GuardBanner />
      <LimitsBanner />
      {!ready && <p className="hint">{t('trainWhenReady')}</p>}
      {message && (
        <p className={state === 'error' ? 'alert' : 'hint'} role={state === 'error' ? 'alert' : 'status'}>
          {word(message)}
        </p>
      )}
      {warning && (
        <p className="hint" role="status" data-testid="run-warning">
          {word(warning)}
        </p>
      )}
      {latest && (
        <div className="progress">
          <label>
            {t('epochProgress', {
              epoch: latest.epoch,
              epochs,
              pct: Math.round(latest.epochProgress * 100),
              eta: formatDuration(t, latest.etaEpochS),
            })}
            <progress value={latest.epochProgress} max={1} />
          </label>
          <label>
            {t('runProgress', { pct: Math.round(runProgress * 100), eta: formatDuration(t, latest.etaRunS) })}
            <progress value={runProgress} max={1} />
          </label>
        </div>
      )}
      {running && saved && (
        <p className="hint" data-testid="checkpoint-saved" data-step={saved.step}>
          {t('checkpointSaved', {
            step: saved.step,
            epoch: saved.epoch,
            time: new Date(saved.savedAt).toLocaleTimeString(),
          })}
        </p>
      )}
    </div>
  );
}
