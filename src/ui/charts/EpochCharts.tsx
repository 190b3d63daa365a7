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
      <div>
        <h2>{t('accuracyTitle')}</h2>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Legend />
            <Line
              dataKey="train"
              name={t('trainEpoch')}
              stroke="#37a"
              connectNulls
              isAnimationActive={false}
            />
            <Line dataKey="test" name={t('testEpoch')} stroke="#c60" connectNulls isAnimationActive={false} />
            <Line
              dataKey="estimate"
              name={t('testEstimate')}
              stroke="#c60"
              strokeDasharray="4 3"
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div>
        <h2>{t('errorTitle')}</h2>
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="step" type="number" domain={['dataMin', 'dataMax']} />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            <Legend />
            <Line dataKey="top1" name={t('top1Line')} stroke="#a33" isAnimationActive={false} />
            <Line dataKey="top5" name={t('top5Line')} stroke="#3a3" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
