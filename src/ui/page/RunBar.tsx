import { useEffect, type ReactNode } from 'react';
import { store } from '../../store';
import { StepNav } from './StepNav';
import { scrollToStep } from './steps';

/**
 * The sticky top of the page: the steps, the run controls and the live numbers. Sections scrolled
 * to stop below it (scrollBelowRunBar).
 */
export function RunBar({ children }: { children: ReactNode }) {
  // A link to step 2 or 3 (?view=) opens there.
  useEffect(() => {
    const { view } = store.getState();
    if (view !== 'train') scrollToStep(view);
  }, []);
  return (
    <div className="runbar">
      <StepNav />
      <div className="runbar-panels">{children}</div>
    </div>
  );
}
