import { useApp } from '../../store';
import { StepSplit } from './StepSplit';
import { percent } from './format';
import { useT } from '../i18n';

/** The latest values as plain numbers (also the e2e test hooks); accuracy and error in %. */
export function MetricsBar() {
  const t = useT();
  const latest = useApp((s) => s.latestStep);
  const evals = useApp((s) => s.evals);
  const lastEval = evals.length > 0 ? evals[evals.length - 1] : null;
  const lastEpoch = [...evals].reverse().find((e) => e.kind === 'epoch') ?? null;

  const items: { id: string; label: string; value: string | null; unit?: string }[] = [
    { id: 'metric-step', label: t('step'), value: latest ? String(latest.step) : null },
    { id: 'metric-loss', label: t('loss'), value: latest ? latest.loss.toFixed(4) : null },
    {
      id: 'metric-train-acc',
      label: t('trainAcc'),
      value: lastEpoch?.trainAcc != null ? percent(lastEpoch.trainAcc) : null,
      unit: '%',
    },
    {
      id: 'metric-test-acc',
      label: t('testAcc'),
      value: lastEval ? percent(lastEval.testAcc) : null,
      unit: '%',
    },
    {
      id: 'metric-top1-error',
      label: t('top1'),
      value: lastEval ? percent(lastEval.top1Error) : null,
      unit: '%',
    },
    {
      id: 'metric-top5-error',
      label: t('top5'),
      value: lastEval ? percent(lastEval.top5Error) : null,
      unit: '%',
    },
    {
      id: 'metric-throughput',
      label: t('imagesPerSec'),
      value: latest ? latest.imagesPerSec.toFixed(1) : null,
    },
    ...(lastEpoch?.tta
      ? [
          {
            id: 'metric-tta-top1-error',
            label: t('ttaMetric'),
            value: percent(lastEpoch.tta.top1Error),
            unit: '%',
          },
        ]
      : []),
  ];
  // Tensor count after each epoch's evaluation: a leak would make it grow (soak test hook).
  const tensorCounts = evals
    .filter((e) => e.kind === 'epoch' && e.tensors !== undefined)
    .map((e) => e.tensors);
  return (
    <div
      className="panel metrics"
      aria-label={t('latestMetrics')}
      data-testid="metrics"
      data-tensors-per-epoch={tensorCounts.join(',')}
    >
      {items.map((m) => (
        <div key={m.id} className="metric">
          <span className="metric-label">{m.label}</span>
          <span className="metric-value">
            {m.value === null ? '—' : <span data-testid={m.id}>{m.value}</span>}
            {m.value !== null && m.unit}
          </span>
        </div>
      ))}
      {lastEval?.kind === 'estimate' && (
        <small className="hint">{t('estimateNote', { n: lastEval.testCount })}</small>
      )}
      <StepSplit />
    </div>
  );
}
