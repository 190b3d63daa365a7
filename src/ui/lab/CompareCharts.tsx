import { useMemo, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT, type MessageKey } from '../i18n';
import { useApp } from '../../store';
import { useCompared } from './useCompared';
import { useSameList } from './useSameList';
import type { StepColumns } from '../../lab/record';
import type { LabRun } from '../../lab/summary';
import { useRunSteps } from './useRunSteps';
import { lttbIndices } from '../charts/downsample';
import { downloadBlob, downloadText, svgText, svgToPng } from './download';

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
 * Overlaid curves of the compared runs; click a legend entry to hide or show a run.
 * A run in progress is drawn only while paused: a recharts redraw costs 40–100+ ms, so redrawing
 * the growing curve during training would block the page again and again (issue #7). While it
 * trains, the chart keeps the other runs' curves unchanged and does not redraw at all.
 */
export function CompareCharts() {
  const t = useT();
  const { runs, version } = useCompared();
  const liveId = useApp((s) => s.liveRunId);
  const paused = useApp((s) => s.runState === 'paused');
  const [metric, setMetric] = useState<Metric>('loss');
  const [axis, setAxis] = useState<Axis>('step');
  const [hidden, setHidden] = useState<string[]>([]);
  const box = useRef<HTMLDivElement>(null);
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
    // Each run's values under its own key, so a legend click names the run it was for.
    void stepsKey;
    return drawn.flatMap((r, i) => {
      const s = steps.get(r.id);
      if (!s) return [];
      const key = `s${i}`;
      const data = curve(r, s, metric, axis).map((p) => ({ x: p.x, [key]: p.y }));
      return [{ id: r.id, key, name: r.name, colour: COLOURS[i % COLOURS.length], data }];
    });
    // `steps` is a new map each render; `stepsKey` says when more of it arrived.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn, metric, axis, drawnVersion, stepsKey]);
  // The recharts tree as one memoised element: re-renders of this panel (the run list's version
  // ticks twice a second while training) then skip recharts entirely.
  const plot = useMemo(
    () =>
      series.length === 0 ? null : (
        <ResponsiveContainer width="100%" height={260}>
          <LineChart>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDuplicatedCategory={false}
            />
            <YAxis domain={metric === 'loss' ? ['auto', 'auto'] : [0, 100]} />
            <Tooltip />
            <Legend
              onClick={(e) => {
                const key = (e as { dataKey?: unknown }).dataKey;
                const run = series.find((s) => s.key === key);
                if (run)
                  setHidden((h) => (h.includes(run.id) ? h.filter((x) => x !== run.id) : [...h, run.id]));
              }}
            />
            {series.map((s) => (
              <Line
                key={s.id}
                data={s.data}
                dataKey={s.key}
                name={s.name}
                stroke={s.colour}
                dot={s.data.length < 20}
                hide={hidden.includes(s.id)}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      ),
    [series, hidden, metric],
  );
  if (runs.length === 0) return null;

  const svg = () => box.current?.querySelector<SVGSVGElement>('svg.recharts-surface') ?? null;
  const file = `alexnet-lab-${metric}-by-${axis}`;

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
        <div className="buttons">
          <button
            onClick={() => {
              const s = svg();
              if (s) downloadText(`${file}.svg`, svgText(s), 'image/svg+xml');
            }}
          >
            SVG
          </button>
          <button
            onClick={() => {
              const s = svg();
              if (s) void svgToPng(s).then((b) => downloadBlob(`${file}.png`, b));
            }}
          >
            PNG
          </button>
        </div>
      </div>
      {liveLeftOut && <p className="hint">{t('labLiveRunLater')}</p>}
      {drawable.length > MAX_DRAWN && (
        <p className="hint">{t('labCurvesFirst', { n: MAX_DRAWN, total: drawable.length })}</p>
      )}
      <div ref={box}>{plot}</div>
    </div>
  );
}
