import { useApp } from '../../store';
import { useProblemText, useT } from '../i18n';
import { NumberField } from '../config/NumberField';
import { QueuePanel } from './QueuePanel';
import { LessonsPanel } from './LessonsPanel';
import { RunList } from './RunList';
import { CompareTable } from './CompareTable';
import { Scorecard } from './Scorecard';
import { ExperimentFiles } from './ExperimentFiles';
import { CompareCharts } from './CompareCharts';

/** The ablation lab: queue variants, keep every run, compare them against the paper's claims. */
export function LabPanel() {
  const t = useT();
  const message = useApp((s) => s.labMessage);
  const target = useApp((s) => s.target);
  const setTarget = useApp((s) => s.setTarget);
  const setLabMessage = useApp((s) => s.setLabMessage);
  const word = useProblemText();
  return (
    <section className="panel lab" aria-labelledby="lab-title">
      <h2 id="lab-title">{t('labTitle')}</h2>
      {message && (
        <div
          className={message.kind === 'error' ? 'alert' : 'hint'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{'problems' in message ? message.problems.map(word).join(' ') : message.text}</p>
          <button onClick={() => setLabMessage(null)}>{t('dismiss')}</button>
        </div>
      )}
      <QueuePanel />
      <LessonsPanel />
      <RunList />
      <ExperimentFiles />
      <NumberField
        label={t('labTarget')}
        value={Math.round(target * 100)}
        min={1}
        max={100}
        integer
        onChange={(v) => setTarget(v / 100)}
      />
      <CompareCharts />
      <CompareTable />
      <Scorecard />
    </section>
  );
}
