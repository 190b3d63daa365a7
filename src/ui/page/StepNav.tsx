import { VIEWS, useApp } from '../../store';
import { useT, type MessageKey } from '../i18n';
import { scrollToStep, stepId } from './steps';

/** "1 Train · 2 Look inside · 3 Compare": the page's path; the step chosen is kept in the URL (?view=). */
export function StepNav() {
  const t = useT();
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  return (
    <nav className="step-nav" aria-label={t('stepsNav')}>
      <ol>
        {VIEWS.map((v, i) => (
          <li key={v}>
            <a
              href={`#${stepId(v)}`}
              aria-current={view === v ? 'step' : undefined}
              data-view={v}
              onClick={(e) => {
                e.preventDefault();
                setView(v);
                scrollToStep(v);
              }}
            >
              <span className="step-n">{i + 1}</span> {t(`step_${v}` as MessageKey)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
