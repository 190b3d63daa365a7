import type { ReactNode } from 'react';
import { VIEWS, type View } from '../../store';
import { useT, type MessageKey } from '../i18n';
import { stepId } from './steps';

/** One step of the page, numbered as in the step bar. */
export function StepSection({ view, children }: { view: View; children: ReactNode }) {
  const t = useT();
  const id = stepId(view);
  return (
    <section id={id} className="step-section" aria-labelledby={`${id}-title`} data-view={view}>
      <h2 className="step-title" id={`${id}-title`}>
        <span className="step-n">{VIEWS.indexOf(view) + 1}</span> {t(`step_${view}` as MessageKey)}
      </h2>
      {children}
    </section>
  );
}
