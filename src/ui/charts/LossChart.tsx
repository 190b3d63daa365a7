import { useMemo } from 'react';
import type uPlot from 'uplot';
import { useApp } from '../../store';
import { lossColumns } from './columns';
import { UPlotChart, type PlotOptions } from './UPlotChart';
import { useLang, translate, type Lang } from '../i18n';

/** At most this many points reach the chart; the rest are folded away by LTTB. */
const MAX_POINTS = 600;
const HEIGHT = 220;

/** The loss of every step (raw and smoothed) and the learning rate on a right-hand axis. */
export function LossChart() {
  const lang = useLang();
  const series = useApp((s) => s.series);
  const options = useMemo(() => lossOptions(lang), [lang]);
  const data = useMemo(
    () => lossColumns(series, MAX_POINTS),
    // `version` changes whenever the arrays grow in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [series.version],
  );
  const empty = series.step.length === 0;

  return (
    <div className="panel chart" data-testid="loss-chart" data-points={series.step.length}>
      <h2>{translate(lang, 'lossTitle')}</h2>
      {/* The plot is laid out (invisible) before the first step, so the first step only draws it:
          no chart is built and nothing on the page moves while training. */}
      <div className={empty ? 'plot-frame empty' : 'plot-frame'}>
        <UPlotChart
          options={options}
          data={data}
          height={HEIGHT}
          title={translate(lang, 'lossTitle')}
          file="loss"
        />
        {empty && <p className="hint plot-empty-hint">{translate(lang, 'lossEmpty')}</p>}
      </div>
    </div>
  );
}

function lossOptions(lang: Lang): PlotOptions {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const loss = (_: uPlot, v: number | null) => (v === null ? '—' : v.toFixed(4));
  return {
    legend: { live: true },
    // No drag-to-zoom: each new step resets the scales anyway.
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false },
      // The learning rate from 0, so a decay reads as a fall to the floor.
      lr: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      { label: t('step') },
      { scale: 'loss', label: t('loss') },
      {
        scale: 'lr',
        side: 1,
        label: t('lrLine'),
        grid: { show: false },
        // Room for ticks like 0.0050 beside the axis label.
        size: 70,
        values: (_u, ticks) => ticks.map((v) => v.toPrecision(2)),
      },
    ],
    series: [
      { label: t('step') },
      { label: t('lossRaw'), scale: 'loss', stroke: '#9ab', width: 1, points: { show: false }, value: loss },
      {
        label: t('lossSmoothed'),
        scale: 'loss',
        stroke: '#c33',
        width: 2,
        points: { show: false },
        value: loss,
      },
      {
        label: t('lrLine'),
        scale: 'lr',
        stroke: '#7a5cc4',
        width: 1.5,
        dash: [5, 3],
        points: { show: false },
        value: (_u, v) => (v === null ? '—' : v.toPrecision(3)),
      },
    ],
  };
}
