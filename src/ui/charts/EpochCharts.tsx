import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../../store';
import { useT } from '../i18n';

/**
 * Accuracy (train, test) and test top-1 / top-5 error against the step at which they were
 * measured: whole-test-set points at each epoch end, plus mid-epoch estimates on a test subset.
 */
export function EpochCharts() {
  const t = useT();
  const evals = useApp((s) => s.evals);
  const data = useMemo(
    () =>
      evals.map((e) => ({
        step: e.step,
        epoch: e.epoch,
        train: e.trainAcc === null ? undefined : e.trainAcc * 100,
        test: e.kind === 'epoch' ? e.testAcc * 100 : undefined,
        estimate: e.kind === 'estimate' ? e.testAcc * 100 : undefined,
        top1: e.top1Error * 100,
        top5: e.top5Error * 100,
      })),
    [evals],
  );
  if (data.length === 0) return null;
  return (
    <div className="panel chart-pair" data-testid="epoch-charts">
      <PercentChart
        title={t('accuracyTitle')}
        data={data}
        lines={[
          { key: 'train', name: t('trainEpoch'), stroke: '#37a' },
          { key: 'test', name: t('testEpoch'), stroke: '#c60' },
          { key: 'estimate', name: t('testEstimate'), stroke: '#c60', dash: '4 3' },
        ]}
      />
      <PercentChart
        title={t('errorTitle')}
        data={data}
        lines={[
          { key: 'top1', name: t('top1Line'), stroke: '#a33' },
          { key: 'top5', name: t('top5Line'), stroke: '#3a3' },
        ]}
      />
    </div>
  );
}

interface LineSpec {
  key: string;
  name: string;
  stroke: string;
  dash?: string;
}

/** A 0–100 % chart against the step, one line per series (gaps bridged: epochs and estimates interleave). */
function PercentChart({ title, data, lines }: { title: string; data: object[]; lines: LineSpec[] }) {
  return (
    <div>
      <h2>{title}</h2>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis domain={[0, 100]} />
          <Tooltip />
          <Legend />
          {lines.map((l) => (
            <Line
              key={l.key}
              dataKey={l.key}
              name={l.name}
              stroke={l.stroke}
              strokeDasharray={l.dash}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
