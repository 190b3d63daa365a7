import { useMemo, useState } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useApp } from '../../store';
import { useCompared } from './useCompared';
import { useSameList } from './useSameList';
import type { StepColumns } from '../../lab/record';
import type { LabRun } from '../../lab/summary';
import { useRunSteps } from './useRunSteps';
import { lttbIndices } from '../charts/downsample';
import { alignLines } from '../charts/columns';
import { plotSvg } from '../charts/svgPlot';
import { UPlotChart, type PlotOptions } from '../charts/UPlotChart';

type Metric = 'loss' | 'trainAcc' | 'testAcc' | 'top1' | 'top5' | 'gap';
type Axis = 'step' | 'epoch' | 'seconds';

const METRICS: { id: Metric; key: MessageKey }[] = [
  { id: 'loss', key: 'loss' },
  { id: 'trainAcc', key: 'trainAcc' },
  { id: 'testAcc', key: 'testAcc' },
  { id: 'top1', key: 'top1' },
  { id: 'top5', key: 'top5' },
  { id: 'gap', key: 'labColGap' },
];
const COLOURS = ['#37a', '#c60', '#3a3', '#a33', '#85c', '#088', '#b5a', '#665', '#d90', '#29c'];
/** Points per loss curve: enough for the shape, few enough to draw 24 runs at once. */
const MAX_POINTS = 400;
/** Runs drawn at most: the first ones compared. Only their steps are read from IndexedDB. */
export const MAX_DRAWN = 24;

/** One curve: the loss per step, or a per-epoch evaluation; percentages for accuracies and errors. */
function curve(r: LabRun, steps: StepColumns, metric: Metric, axis: Axis): { x: number; y: number }[] {
  if (metric === 'loss') {
    const xs = axis === 'step' ? steps.step : axis === 'epoch' ? steps.epoch : steps.seconds;
    return lttbIndices(xs, steps.loss, MAX_POINTS).map((i) => ({ x: xs[i], y: steps.loss[i] }));
  }
  return r.evals
    .filter((e) => e.kind === 'epoch' || metric === 'testAcc' || metric === 'top1' || metric === 'top5')
    .map((e) => {
      const x = axis === 'step' ? e.step : axis === 'epoch' ? e.epoch : e.seconds;
      const y =
        metric === 'trainAcc'
          ? e.trainAcc
          : metric === 'testAcc'
            ? e.testAcc
            : metric === 'top1'
              ? e.top1Error
              : metric === 'top5'
                ? e.top5Error
                : e.trainAcc === null
                  ? null
                  : e.trainAcc - e.testAcc;
      return y === null ? null : { x, y: y * 100 };
    })
    .filter((p): p is { x: number; y: number } => p !== null);
}

/**
 * Overlaid curves of the compared runs, drawn by uPlot on a canvas: Recharts took ~300 ms of one
 * task to lay out 24 runs, whatever their length (issue #18: no task over 50 ms). Click a legend
 * entry to hide or show a run; Save PNG / Save SVG keep what is shown.
 * A run in progress is drawn only while paused: redrawing its growing curve with every other
 * run's while training costs more than it tells, so the chart keeps the other runs' curves.
 */
export function CompareCharts() {
  const t = useT();
  const { runs, version } = useCompared();
  const liveId = useApp((s) => s.liveRunId);
  const paused = useApp((s) => s.runState === 'paused');
  const [metric, setMetric] = useState<Metric>('loss');
  const [axis, setAxis] = useState<Axis>('step');
  const liveLeftOut = liveId !== null && !paused && runs.some((r) => r.id === liveId);
  // The other runs are finished records: the same objects while a run trains, so the same list.
  const drawable = liveLeftOut ? runs.filter((r) => r.id !== liveId) : runs;
  const drawn = useSameList(drawable.slice(0, MAX_DRAWN));
  const steps = useRunSteps(drawn);
  const stepsKey = drawn.filter((r) => steps.has(r.id)).length;
  // Only a paused live run is drawn and still changes (in place): then `version` tells.
  const drawnVersion = liveId !== null && paused ? version : 0;
  const series = useMemo(() => {
    void drawnVersion;
    void stepsKey;
    return drawn.flatMap((r, i) => {
      const s = steps.get(r.id);
      if (!s) return [];
      return [
        { id: r.id, label: r.name, colour: COLOURS[i % COLOURS.length], points: curve(r, s, metric, axis) },
      ];
    });
    // `steps` is a new map each render; `stepsKey` says when more of it arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn, metric, axis, drawnVersion, stepsKey]);
  const metricLabel = t(METRICS.find((m) => m.id === metric)!.key);
  const axisLabel = t(
    axis === 'step' ? 'labAxisSteps' : axis === 'epoch' ? 'labAxisEpochs' : 'labAxisSeconds',
  );
  // Accuracies and errors on 0–100; the loss and the gap (which can be negative) on their own range.
  const yRange: [number, number] | undefined = metric === 'loss' || metric === 'gap' ? undefined : [0, 100];
  const data = useMemo(() => alignLines(series.map((s) => s.points)), [series]);
  // The plot is rebuilt only when its lines change (names, colours, point marks), not their data.
  const shape = series
    .map((s) => `${s.id}\u0000${s.label}\u0000${s.colour}\u0000${s.points.length < 20}`)
    .join('\u0001');
  const options = useMemo(
    (): PlotOptions => ({
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: yRange ? { range: () => yRange } : {} },
      axes: [{ label: axisLabel }, { label: metricLabel }],
      series: [
        { label: axisLabel },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.colour,
          width: 1.5,
          spanGaps: true,
          points: { show: s.points.length < 20 },
        })),
      ],
    }),
    // `shape` stands for the series' looks; `yRange` follows `metric`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shape, axisLabel, metricLabel, metric],
  );
  if (runs.length === 0) return null;
  const title = `${t('labCurvesTitle')}: ${metricLabel}`;
  const svg = (shown: boolean[]) =>
    plotSvg({
      title,
      xLabel: axisLabel,
      yLabel: metricLabel,
      yRange,
      lines: series.filter((_, i) => shown[i] !== false),
    });

  return (
    <div className="lab-block" data-testid="compare-chart" data-series={series.length}>
      <h3>{t('labCurvesTitle')}</h3>
      <div className="field-row">
        <label className="field">
          <span>{t('labMetric')}</span>
          <select value={metric} onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {t(m.key)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('labAxis')}</span>
          <select value={axis} onChange={(e) => setAxis(e.currentTarget.value as Axis)}>
            <option value="step">{t('labAxisSteps')}</option>
            <option value="epoch">{t('labAxisEpochs')}</option>
            <option value="seconds">{t('labAxisSeconds')}</option>
          </select>
        </label>
      </div>
      {liveLeftOut && <p className="hint">{t('labLiveRunLater')}</p>}
      {drawable.length > MAX_DRAWN && (
        <p className="hint">{t('labCurvesFirst', { n: MAX_DRAWN, total: drawable.length })}</p>
      )}
      {series.length > 0 && (
        <UPlotChart
          options={options}
          data={data}
          height={260}
          title={title}
          file={`alexnet-lab-${metric}-by-${axis}`}
          svg={svg}
        />
      )}
    </div>
  );
}
