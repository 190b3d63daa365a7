import { useT, type MessageKey } from '../i18n';
import type { Verdict } from '../../lab/scorecard';
import { plain } from './format';
import { TableScroll } from '../TableScroll';

/** One compared claim: what was measured (paired over seeds), the t-test and its verdict. */
export interface VerdictRow {
  id: string;
  claim: MessageKey;
  diff: number | null;
  se: number | null;
  ratio: number | null;
  /** Log step ratios (the speed claims) rather than points of error or gap. */
  log: boolean;
  p: number | null;
  n: number;
  verdict: Verdict;
}

/** The mean paired difference (± SE), as a log step ratio or in points, with the ratio if any. */
function measured(r: VerdictRow): string {
  if (r.diff === null) return '—';
  const f = (v: number) => (r.log ? `log ${plain(v, 2)}` : `${(v * 100).toFixed(1)} pt`);
  const spread = r.se === null ? '' : ` ± ${r.log ? plain(r.se, 2) : `${(r.se * 100).toFixed(1)} pt`}`;
  const ratio = r.ratio === null ? '' : ` (×${r.ratio.toFixed(2)})`;
  return `${f(r.diff)}${spread}${ratio}`;
}

/** Claim, measured, test, verdict: the scorecard's table, also each lesson's. */
export function VerdictTable({
  rows,
  label,
  testId,
  rowKey,
}: {
  rows: VerdictRow[];
  label: string;
  testId: string;
  /** The row's data attribute naming its claim (the e2e tests read it). */
  rowKey: 'data-claim' | 'data-comparison';
}) {
  const t = useT();
  // Which test decided, on how many seeds, and its p-value (the verdict's p < 0.05).
  const test = (r: VerdictRow): string =>
    r.verdict === 'missing'
      ? '—'
      : r.p === null
        ? t('labTestTooFew', { n: r.n })
        : t('labTestResult', { n: r.n, df: r.n - 1, p: r.p < 0.001 ? '< 0.001' : r.p.toFixed(3) });
  return (
    <TableScroll label={label}>
      <table data-testid={testId} className="lab-table">
        <thead>
          <tr>
            <th>{t('labClaim')}</th>
            <th>{t('labMeasured')}</th>
            <th>{t('labTest')}</th>
            <th>{t('labVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} {...{ [rowKey]: r.id }} data-verdict={r.verdict}>
              <td>{t(r.claim)}</td>
              <td>{measured(r)}</td>
              <td data-col="test">{test(r)}</td>
              <td className={`verdict verdict-${r.verdict}`}>{t(`labVerdict_${r.verdict}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
