import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { isRunActive, store, useApp } from '../../store';
import { settingsOf } from '../../store/configSlice';
import { useT, type MessageKey } from '../i18n';
import { LESSONS, lessonBase, lessonPlan, lessonResult, type Lesson } from '../../lab/lessons';
import type { Summarizable, SummaryField } from '../../lab/stats';
import { queuePlan } from '../../client/queueRunner';
import { TableScroll } from '../TableScroll';
import { VerdictTable } from './VerdictTable';
import { runsMemo } from './runsMemo';
import { pct, plain } from './format';

/** Each card's result over every run, once per list of runs (see runsMemo). */
const resultOf = runsMemo((runs: Summarizable[], lesson: Lesson, target: number, _version: number) =>
  lessonResult(lesson, runs, target),
);

// Recharts (the lab's only use of it) is loaded with the gap chart, once (e) has runs.
const LessonGapChart = lazy(() => import('./LessonGapChart').then((m) => ({ default: m.LessonGapChart })));

/** Figures in steps are whole numbers; the others are fractions shown in percent. */
const inSteps = (f: SummaryField) => f === 'stepsToTargetCensored' || f === 'totalSteps';

/**
 * The lessons: a card per lesson with its claim, what to look for, one button that queues its
 * plan, and once its runs exist the per-variant figures and the verdicts.
 */
export function LessonsPanel() {
  const t = useT();
  const [ownSizes, setOwnSizes] = useState(true);
  const page = useApp((s) => s.data);
  const epochs = useApp((s) => s.epochs);
  const batch = useApp((s) => s.optimizer.batchSize);
  return (
    <div className="lab-block" data-testid="lessons">
      <h3>{t('lessonsTitle')}</h3>
      <p className="hint">{t('lessonsHint')}</p>
      <label className="check">
        <input type="checkbox" checked={ownSizes} onChange={(e) => setOwnSizes(e.currentTarget.checked)} />
        {t('lessonsOwnSizes', { train: page.quickTrain, test: page.quickTest, epochs, batch })}
      </label>
      {LESSONS.map((l, i) => (
        <LessonCard key={l.id} lesson={l} letter={'abcdef'[i]} ownSizes={ownSizes} />
      ))}
    </div>
  );
}

/**
 * One lesson. Its names (regions, button) carry the lesson's letter, not its title: the titles
 * repeat settings' labels ("Local response normalisation"), which must keep naming one control.
 */
function LessonCard({ lesson, letter, ownSizes }: { lesson: Lesson; letter: string; ownSizes: boolean }) {
  const t = useT();
  // Deferred, as in useCompared: each card summarises every run.
  const runs = useDeferredValue(useApp((s) => s.runs));
  const version = useDeferredValue(useApp((s) => s.runsVersion));
  const target = useApp((s) => s.target);
  const ready = useApp((s) => s.dataset !== null);
  const busy = useApp((s) => isRunActive(s) || s.queueActive);
  const result = resultOf(runs, lesson, target, version);
  const key = (part: string) => `lesson_${lesson.id}_${part}` as MessageKey;
  const pageTrain = useApp((s) => s.data.quickTrain);
  const pageTest = useApp((s) => s.data.quickTest);
  const pageEpochs = useApp((s) => s.epochs);
  const pageBatch = useApp((s) => s.optimizer.batchSize);
  const sizes = ownSizes
    ? lesson.quick
    : { train: pageTrain, test: pageTest, epochs: pageEpochs, batch: pageBatch };

  const run = () => {
    const s = store.getState();
    const base = lessonBase(lesson, settingsOf(s), ownSizes);
    queuePlan(lessonPlan(lesson, base, s.queueSetup.seeds));
  };
  const figure = (f: SummaryField, v: number | null | undefined, reached: boolean) =>
    inSteps(f)
      ? v === null || v === undefined
        ? '—'
        : reached
          ? plain(v)
          : t('lessonNotReached', { steps: plain(v) })
      : pct(v);

  return (
    <article className="lesson" data-lesson={lesson.id}>
      <h4 id={`lesson-${lesson.id}`}>{t(key('title'))}</h4>
      <p>
        <strong>{t('lessonClaim')}:</strong> {t(key('claim'))}
      </p>
      <p>
        <strong>{t('lessonLook')}:</strong> {t(key('look'))}
      </p>
      <p className="hint">
        {t('lessonSizes', {
          variants: lesson.variants.length,
          train: sizes.train,
          test: sizes.test,
          epochs: sizes.epochs,
          batch: sizes.batch,
        })}
      </p>
      <button
        className="primary"
        onClick={run}
        disabled={!ready || busy}
        aria-label={t('lessonRunNamed', { letter })}
        aria-describedby={`lesson-${lesson.id}`}
      >
        {t('lessonRun')}
      </button>
      {!result.started ? (
        <p className="hint" data-testid="lesson-status" role="status">
          {t('lessonNotStarted')}
        </p>
      ) : (
        <>
          {result.missing > 0 && (
            <p className="hint" data-testid="lesson-status" role="status">
              {t('lessonRunsNeeded', { missing: result.missing, total: lesson.variants.length })}
            </p>
          )}
          <TableScroll label={t('lessonFiguresOf', { letter })}>
            <table className="lab-table" data-testid="lesson-figures">
              <thead>
                <tr>
                  <th>{t('lessonVariant')}</th>
                  <th>{t('lessonRuns')}</th>
                  {lesson.figures.map((f) => (
                    <th key={f}>
                      {t(`lessonFig_${f}` as MessageKey)}
                      {inSteps(f) ? '' : ' (%)'}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.variants.map((v) => (
                  <tr key={v.label}>
                    <td>{v.label}</td>
                    <td>{v.runs}</td>
                    {lesson.figures.map((f) => (
                      <td key={f}>{figure(f, v.figures[f], v.reached)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <VerdictTable
            rows={result.comparisons.map((c) => ({
              ...c,
              claim: `lessonCmp_${c.id}` as MessageKey,
              log: c.unit === 'log',
            }))}
            label={t('lessonVerdictsOf', { letter })}
            testId="lesson-verdicts"
            rowKey="data-comparison"
          />
          {lesson.variants.some((v) => v.chart) && result.missing < lesson.variants.length && (
            <Suspense fallback={<p className="hint">{t('loadingShort')}</p>}>
              <LessonGapChart
                variants={result.variants}
                images={result.reference?.data.quickTrain ?? sizes.train}
              />
            </Suspense>
          )}
        </>
      )}
    </article>
  );
}
