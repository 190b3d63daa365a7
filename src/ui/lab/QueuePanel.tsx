import { isRunActive, useApp } from '../../store';
import { useT } from '../i18n';
import { NumberField } from '../config/NumberField';
import { SettingField } from '../config/SettingField';
import { formatDuration } from '../run/format';
import { queueProgress } from '../../lab/queue';
import { MAX_SEEDS, type PlanKind } from '../../lab/plan';
import {
  cancelQueued,
  clearQueue,
  moveQueued,
  resumeQueue,
  startQueue,
  stopQueue,
} from '../../client/queueRunner';

/**
 * The ablation queue: the baseline is the page's current settings; the variants are one at a
 * time or the full grid, each with N seeds. Waiting items can be moved or cancelled.
 */
export function QueuePanel() {
  const t = useT();
  const setup = useApp((s) => s.queueSetup);
  const setSetup = useApp((s) => s.setQueueSetup);
  const queue = useApp((s) => s.queue);
  const active = useApp((s) => s.queueActive);
  const runState = useApp((s) => s.runState);
  const ready = useApp((s) => s.dataset !== null);
  const latest = useApp((s) => s.latestStep);
  const runs = useApp((s) => s.runs);
  const liveRunId = useApp((s) => s.liveRunId);
  useApp((s) => s.runsVersion);
  const busy = isRunActive({ runState });
  const running = queue.find((i) => i.status === 'running');

  const finishedS = queue
    .filter((i) => i.status === 'done' && i.runId)
    .map((i) => runs.find((r) => r.id === i.runId))
    .map((r) => (r && r.endedAt ? (r.endedAt - r.createdAt) / 1000 : NaN))
    .filter((x) => Number.isFinite(x));
  const live = runs.find((r) => r.id === liveRunId);
  const epochs = running?.settings.epochs ?? 1;
  const progress = queueProgress(
    queue,
    running && latest && live
      ? {
          fraction: (latest.epoch - 1 + latest.epochProgress) / epochs,
          etaS: latest.etaRunS,
          elapsedS: live.steps?.seconds[live.steps.seconds.length - 1] ?? 0,
        }
      : null,
    finishedS,
  );
  const waiting = queue.some((i) => i.status === 'queued');

  return (
    <div className="lab-block" data-testid="queue" data-active={active ? 'true' : 'false'}>
      <h3>{t('labQueueTitle')}</h3>
      <p className="hint">{t('labQueueHint')}</p>
      <div className="field-row">
        <label className="field">
          <span>{t('labPlan')}</span>
          <select
            value={setup.kind}
            disabled={active}
            onChange={(e) => setSetup({ kind: e.currentTarget.value as PlanKind })}
          >
            <option value="one-at-a-time">{t('labPlanOne')}</option>
            <option value="grid">{t('labPlanGrid')}</option>
          </select>
        </label>
        <NumberField
          label={t('labSeeds')}
          value={setup.seeds}
          min={1}
          max={MAX_SEEDS}
          integer
          disabled={active}
          onChange={(v) => setSetup({ seeds: v })}
        />
        <SettingField path="data.quickTrain" disabled={busy} />
        <SettingField path="data.quickTest" disabled={busy} />
      </div>
      <div className="buttons">
        <button className="primary" onClick={startQueue} disabled={!ready || busy || active}>
          {t('labQueueStart')}
        </button>
        {active ? (
          <button onClick={stopQueue}>{t('labQueueStop')}</button>
        ) : (
          waiting && (
            <button onClick={resumeQueue} disabled={!ready || busy}>
              {t('labQueueResume')}
            </button>
          )
        )}
        {!active && queue.length > 0 && <button onClick={clearQueue}>{t('labQueueClear')}</button>}
      </div>
      {queue.length > 0 && (
        <>
          <label className="queue-progress">
            {t('labQueueProgress', {
              done: progress.done,
              total: progress.total,
              eta: progress.etaS === null ? '—' : formatDuration(t, progress.etaS),
            })}
            <progress value={progress.fraction} max={1} />
          </label>
          <ol className="queue-list">
            {queue.map((item) => (
              <li key={item.id} data-status={item.status} data-queue-item={item.id}>
                <span className="queue-label">
                  {item.label} · {t('seed')} {item.settings.seed}
                </span>
                <span className={`queue-status status-${item.status}`}>{t(`labStatus_${item.status}`)}</span>
                {item.status === 'queued' && (
                  <span className="queue-actions">
                    <button
                      onClick={() => moveQueued(item.id, -1)}
                      aria-label={t('labMoveUp', { name: item.label })}
                    >
                      ↑
                    </button>
                    <button
                      onClick={() => moveQueued(item.id, 1)}
                      aria-label={t('labMoveDown', { name: item.label })}
                    >
                      ↓
                    </button>
                    <button
                      onClick={() => cancelQueued(item.id)}
                      aria-label={t('labCancel', { name: item.label })}
                    >
                      ✕
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
