import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../store';
import { lttbIndices, smooth } from './downsample';
import { useT } from '../i18n';

const MAX_POINTS = 600;

/** Training loss per step, raw and smoothed, downsampled for the screen. */
export function LossChart() {
  const t = useT();
  const series = useApp((s) => s.series);
  const data = useMemo(() => {
    const smoothed = smooth(series.loss, 0.9);
    return lttbIndices(series.step, series.loss, MAX_POINTS).map((i) => ({
      step: series.step[i],
      loss: series.loss[i],
      smoothed: smoothed[i],
      lr: series.lr[i],
    }));
    // `version` changes whenever the arrays grow in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series.version]);

  return (
    <div className="panel chart" data-testid="loss-chart" data-points={series.step.length}>
      <h2>{t('lossTitle')}</h2>
      {data.length === 0 ? (
        <p className="hint">{t('lossEmpty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 5, right: 20, bottom: 5, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={['dataMin', 'dataMax']}
              label={{ value: 'step', position: 'insideBottomRight', offset: -2 }}
            />
            <YAxis yAxisId="loss" domain={['auto', 'auto']} />
            <YAxis
              yAxisId="lr"
              orientation="right"
              domain={[0, 'auto']}
              tickFormatter={(v: number) => v.toPrecision(2)}
            />
            <Tooltip />
            <Legend />
            <Line
              yAxisId="loss"
              dataKey="loss"
              name={t('lossRaw')}
              stroke="#9ab"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="loss"
              dataKey="smoothed"
              name={t('lossSmoothed')}
              stroke="#c33"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              yAxisId="lr"
              dataKey="lr"
              name={t('lrLine')}
              stroke="#7a5cc4"
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
