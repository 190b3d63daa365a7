import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useApp } from '../../store';
import { useLang, translate, type Lang } from '../i18n';
import { evalColumns } from './columns';
import { UPlotChart, type PlotOptions } from './UPlotChart';

const HEIGHT = 200;

/**
 * Accuracy (train, test) and test top-1 / top-5 error against the step at which they were
 * measured: whole-test-set points at each epoch end, plus mid-epoch estimates on a test subset.
 */
export function EpochCharts() {
  const lang = useLang();
  const evals = useApp((s) => s.evals);
  const cols = useMemo(() => evalColumns(evals), [evals]);
  const accuracy = useMemo(
    () =>
      percentOptions(lang, [
        { key: 'trainEpoch', stroke: '#37a' },
        { key: 'testEpoch', stroke: '#c60' },
        { key: 'testEstimate', stroke: '#c60', dash: [4, 3] },
      ]),
    [lang],
  );
  const error = useMemo(
    () =>
      percentOptions(lang, [
        { key: 'top1Line', stroke: '#a33' },
        { key: 'top5Line', stroke: '#3a3' },
      ]),
    [lang],
  );
  const accuracyData = useMemo(
    (): uPlot.AlignedData => [cols.step, cols.train, cols.test, cols.estimate],
    [cols],
  );
  const errorData = useMemo((): uPlot.AlignedData => [cols.step, cols.top1, cols.top5], [cols]);

  const empty = evals.length === 0;
  // Laid out (invisible) before the first evaluation, so that evaluation only draws the plots:
  // no chart is built and nothing on the page moves while training.
  return (
    <div className={`panel chart-pair plot-frame${empty ? ' empty' : ''}`} data-testid="epoch-charts">
      {empty && <p className="hint plot-empty-hint">{translate(lang, 'epochChartsEmpty')}</p>}
      <div>
        <h2>{translate(lang, 'accuracyTitle')}</h2>
        <UPlotChart
          options={accuracy}
          data={accuracyData}
          height={HEIGHT}
          title={translate(lang, 'accuracyTitle')}
          file="accuracy"
        />
      </div>
      <div>
        <h2>{translate(lang, 'errorTitle')}</h2>
        <UPlotChart
          options={error}
          data={errorData}
          height={HEIGHT}
          title={translate(lang, 'errorTitle')}
          file="error"
        />
      </div>
    </div>
  );
}

interface LineSpec {
  key: 'trainEpoch' | 'testEpoch' | 'testEstimate' | 'top1Line' | 'top5Line';
  stroke: string;
  dash?: number[];
}

/** A 0–100 % chart against the step, one line per series (gaps bridged: epochs and estimates interleave). */
function percentOptions(lang: Lang, lines: LineSpec[]): PlotOptions {
  return {
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, y: { range: [0, 100] } },
    axes: [{ label: translate(lang, 'step') }, {}],
    series: [
      { label: translate(lang, 'step') },
      ...lines.map((l): uPlot.Series => ({
        label: translate(lang, l.key),
        stroke: l.stroke,
        width: 1.5,
        dash: l.dash,
        spanGaps: true,
        points: { show: true, size: 5, fill: l.stroke },
        value: (_u, v) => (v === null ? '—' : v.toFixed(1)),
      })),
    ],
  };
}
