import { useApp } from '../../store';
import { useT } from '../i18n';

/**
 * Live: ms per step and where it went — data, forward, backward, update (trainer.ts measures
 * them per step; on webgpu/webgl those are queueing times and the GPU's work shows as waiting).
 */
export function StepSplit() {
  const latest = useApp((s) => s.latestStep);
  const t = useT();
  const split = latest?.split;
  if (!latest || !split) return null;
  const total = split.dataMs + split.forwardMs + split.backwardMs + split.updateMs + split.waitMs;
  const pct = (ms: number) => (total > 0 ? Math.round((100 * ms) / total) : 0);
  const wait = pct(split.waitMs);
  return (
    <small className="hint step-split" data-testid="step-split">
      {t('stepSplit', {
        ms: latest.msPerStep.toFixed(0),
        data: pct(split.dataMs),
        fwd: pct(split.forwardMs),
        bwd: pct(split.backwardMs),
        upd: pct(split.updateMs),
      })}
      {wait >= 5 && t('stepSplitWait', { wait })}
    </small>
  );
}
