import { useT } from '../i18n';
import { useCompared } from './useCompared';
import { scorecard, type ClaimResult } from '../../lab/scorecard';
import { VerdictTable, type VerdictRow } from './VerdictTable';
import { runsMemo } from './runsMemo';
import type { Summarizable } from '../../lab/stats';

const cardOf = runsMemo((runs: Summarizable[], baseline: Summarizable, target: number, _version: number) =>
  scorecard(runs, baseline, target),
);

/** Speed claims are measured as log step ratios; the others as error or gap in points. */
const isLog = (c: ClaimResult) => c.id === 'relu-speed' || c.id === 'dropout-cost';

/** Each claim of the paper beside what the compared runs measured, with the verdict. */
export function Scorecard() {
  const t = useT();
  const { runs, baseline, target, version } = useCompared();
  // `version`: the live run grows in place.
  const card = baseline ? cardOf(runs, baseline, target, version) : [];
  if (!baseline) return null;
  const rows: VerdictRow[] = card.map((c) => ({ ...c, claim: `labClaim_${c.id}`, log: isLog(c) }));
  return (
    <div className="lab-block">
      <h3>{t('labScoreTitle')}</h3>
      <p className="hint">{t('labScoreHint')}</p>
      <VerdictTable rows={rows} label={t('labScoreTitle')} testId="scorecard" rowKey="data-claim" />
    </div>
  );
}
