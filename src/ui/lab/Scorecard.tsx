import { useMemo } from 'react';
import { useT } from '../i18n';
import { useCompared } from './useCompared';
import { scorecard, type ClaimResult } from '../../lab/scorecard';
import { plain } from './format';
import { TableScroll } from '../TableScroll';

/** Each claim of the paper beside what the compared runs measured, with the verdict. */
export function Scorecard() {
  const t = useT();
  const { runs, baseline, target, version } = useCompared();
  const card = useMemo(() => {
    void version;
    return baseline ? scorecard(runs, baseline, target) : [];
  }, [runs, baseline, target, version]);
  if (!baseline) return null;

  const measured = (c: ClaimResult): string => {
    if (c.diff === null) return '—';
    const spread = c.se === null ? '' : ` ± ${fmt(c, c.se)}`;
    const ratio = c.ratio === null ? '' : ` (×${c.ratio.toFixed(2)})`;
    return `${fmt(c, c.diff)}${spread}${ratio}`;
  };
  // Which test decided, on how many seeds, and its p-value (the verdict's p < 0.05).
  const test = (c: ClaimResult): string =>
    c.verdict === 'missing'
      ? '—'
      : c.p === null
        ? t('labTestTooFew', { n: c.n })
        : t('labTestResult', { n: c.n, df: c.n - 1, p: pValue(c.p) });

  return (
    <div className="lab-block">
      <h3>{t('labScoreTitle')}</h3>
      <p className="hint">{t('labScoreHint')}</p>
      <TableScroll label={t('labScoreTitle')}>
        <table data-testid="scorecard" className="lab-table">
          <thead>
            <tr>
              <th>{t('labClaim')}</th>
              <th>{t('labMeasured')}</th>
              <th>{t('labTest')}</th>
              <th>{t('labVerdict')}</th>
            </tr>
          </thead>
          <tbody>
            {card.map((c) => (
              <tr key={c.id} data-claim={c.id} data-verdict={c.verdict}>
                <td>{t(`labClaim_${c.id}`)}</td>
                <td>{measured(c)}</td>
                <td data-col="test">{test(c)}</td>
                <td className={`verdict verdict-${c.verdict}`}>{t(`labVerdict_${c.verdict}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** Speed claims are measured as log step ratios; the others as error or gap in points. */
function fmt(c: ClaimResult, v: number): string {
  return c.id === 'relu-speed' || c.id === 'dropout-cost'
    ? `log ${plain(v, 2)}`
    : `${(v * 100).toFixed(1)} pt`;
}

/** p to 3 decimals, or "< 0.001". */
function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
