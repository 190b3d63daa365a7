import { useApp } from '../../store';
import { percent } from './format';

/** The latest values as plain numbers (also the e2e test hooks); accuracy and error in %. */
export function MetricsBar() {
  const latest = useApp((s) => s.latestStep);
  const evals = useApp((s) => s.evals);
  const lastEval = evals.length > 0 ? evals[evals.length - 1] : null;
  const lastEpoch = [...evals].reverse().find((e) => e.kind === 'epoch') ?? null;

  const items: { id: string; label: string; value: string | null; unit?: string }[] = [
    { id: 'metric-step', label: 'Step', value: latest ? String(latest.step) : null },
    { id: 'metric-loss', label: 'Loss', value: latest ? latest.loss.toFixed(4) : null },
    {
      id: 'metric-train-acc',
      label: 'Train accuracy',
      value: lastEpoch?.trainAcc != null ? percent(lastEpoch.trainAcc) : null,
      unit: '%',
    },
    {
      id: 'metric-test-acc',
      label: 'Test accuracy',
      value: lastEval ? percent(lastEval.testAcc) : null,
      unit: '%',
    },
    {
      id: 'metric-top1-error',
      label: 'Top-1 error',
      value: lastEval ? percent(lastEval.top1Error) : null,
      unit: '%',
    },
    {
      id: 'metric-top5-error',
      label: 'Top-5 error',
      value: lastEval ? percent(lastEval.top5Error) : null,
      unit: '%',
    },
    { id: 'metric-throughput', label: 'Images/s', value: latest ? latest.imagesPerSec.toFixed(1) : null },
  ];
  return (
    <div className="panel metrics" aria-label="Latest metrics">
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
        <small className="hint">test figures: estimate on {lastEval.testCount} test images</small>
      )}
    </div>
  );
}
