import { memo, useState } from 'react';
import { runsMemo } from './runsMemo';
import { pageOf } from '../../lab/capacity';
import { Pager } from './Pager';
import { useT } from '../i18n';
import { useCompared } from './useCompared';
import {
  diffFromBaseline,
  fieldSpread,
  groupVariants,
  summarize,
  type RunSummary,
  type Summarizable,
  type VariantGroup,
} from '../../lab/stats';
import { variantKey } from '../../lab/plan';
import { pct, plain, signedPct, spreadPct } from './format';
import { TableScroll } from '../TableScroll';

const TABLE_PAGE = 50;
const NONE: RunSummary[] = [];

const groupsOf = runsMemo((runs: Summarizable[], target: number, _version: number) =>
  groupVariants(runs, target),
);
const meanOf = runsMemo((s: RunSummary[]) => fieldSpread(s, 'finalTop1')?.mean ?? null);
/** The variant table's figures: spreads over thousands of runs, worked out once per grouping. */
const groupRows = runsMemo((groups: VariantGroup[], base: RunSummary[]) =>
  groups.map((g) => ({
    key: g.key,
    label: g.label,
    n: g.runs.length,
    finalTop1: fieldSpread(g.summaries, 'finalTop1'),
    finalTop5: fieldSpread(g.summaries, 'finalTop5'),
    bestTop1: fieldSpread(g.summaries, 'bestTop1'),
    gap: fieldSpread(g.summaries, 'gap'),
    toTarget: fieldSpreadReached(g.summaries),
    diff: diffFromBaseline(g.summaries, base, 'finalTop1'),
  })),
);

/**
 * One row per run (final and best top-1 / top-5 error, time to the target accuracy, images/s,
 * difference from the baseline's mean over its seeds), then one row per variant with mean ± sd.
 */
export function CompareTable() {
  const t = useT();
  const { runs, baseline, target, version } = useCompared();
  // `version`: the live run grows in place.
  const groups = groupsOf(runs, target, version);
  const baseKey = baseline ? variantKey(baseline.settings) : null;
  const baseSummaries = groups.find((g) => g.key === baseKey)?.summaries ?? NONE;
  const baseTop1 = meanOf(baseSummaries);
  // Thousands of compared runs: a page of rows at a time (the variant means below cover them all),
  // and only that page's runs are summarised here.
  const [pageNo, setPageNo] = useState(0);
  const page = pageOf(runs.length, pageNo, TABLE_PAGE);
  const rows = runs.slice(page.start, page.end).map((r) => ({ run: r, s: summarize(r, target) }));

  return (
    <div className="lab-block">
      <h3>{t('labResultsTitle')}</h3>
      <p className="hint">{t('labResultsHint', { target: Math.round(target * 100) })}</p>
      <TableScroll label={t('labResultsTitle')}>
        <table data-testid="compare-table" className="lab-table">
          <thead>
            <tr>
              <th>{t('labColRun')}</th>
              <th>{t('seed')}</th>
              <th>{t('labColStatus')}</th>
              <th>{t('labColFinal')}</th>
              <th>{t('labColBest')}</th>
              <th>{t('labColGap')}</th>
              <th>{t('labColToTarget')}</th>
              <th>{t('imagesPerSec')}</th>
              <th>{t('labColDiff')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ run, s }) => (
              <tr
                key={run.id}
                data-run-id={run.id}
                className={run.id === baseline?.id ? 'baseline' : undefined}
              >
                <td>{run.name}</td>
                <td>{run.settings.seed}</td>
                <td>{t(`labStatus_${run.status}`)}</td>
                <td data-col="final-top1">
                  {pct(s.finalTop1)} / {pct(s.finalTop5)}
                </td>
                <td>
                  {pct(s.bestTop1)} / {pct(s.bestTop5)}
                </td>
                <td>{pct(s.gap)}</td>
                <td>
                  {s.toTarget ? `${plain(s.toTarget.epoch, 2)} ep · ${plain(s.toTarget.seconds)} s` : '—'}
                </td>
                <td>{plain(s.imagesPerSec, 1)}</td>
                <td>
                  {signedPct(s.finalTop1 !== null && baseTop1 !== null ? s.finalTop1 - baseTop1 : null)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager page={page} onPage={setPageNo} label={t('labResultsPages')} />
      {groups.length > 0 && <VariantTable groups={groups} baseSummaries={baseSummaries} />}
    </div>
  );
}

/**
 * One row per variant: mean ± sd over its seeds. A component of its own, so with thousands of
 * runs its spreads are worked out in a render step apart from the run rows' (React yields between).
 */
const VariantTable = memo(function VariantTable({
  groups,
  baseSummaries,
}: {
  groups: VariantGroup[];
  baseSummaries: RunSummary[];
}) {
  const t = useT();
  return (
    <TableScroll label={t('labGroupsCaption')}>
      <table data-testid="compare-groups" className="lab-table">
        <caption>{t('labGroupsCaption')}</caption>
        <thead>
          <tr>
            <th>{t('labColVariant')}</th>
            <th>n</th>
            <th>{t('labColFinalTop1')}</th>
            <th>{t('labColFinalTop5')}</th>
            <th>{t('labColBest')}</th>
            <th>{t('labColGap')}</th>
            <th>{t('labColSecondsToTarget')}</th>
            <th>{t('labColDiff')}</th>
          </tr>
        </thead>
        <tbody>
          {groupRows(groups, baseSummaries).map((g) => (
            <tr key={g.key}>
              <td>{g.label}</td>
              <td>{g.n}</td>
              <td>{spreadPct(g.finalTop1)}</td>
              <td>{spreadPct(g.finalTop5)}</td>
              <td>{spreadPct(g.bestTop1)}</td>
              <td>{spreadPct(g.gap)}</td>
              <td>{plain(g.toTarget)}</td>
              <td>{signedPct(g.diff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
});

/** Mean seconds to the target over the seeds that reached it (null when none did). */
function fieldSpreadReached(summaries: RunSummary[]): number | null {
  const s = summaries.map((x) => x.toTarget?.seconds).filter((x): x is number => x !== undefined);
  return s.length === 0 ? null : s.reduce((a, b) => a + b, 0) / s.length;
}
