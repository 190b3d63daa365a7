import { useEffect, useRef, type ReactNode } from 'react';
import { store } from '../../store';
import { StepNav } from './StepNav';
import { scrollToStep } from './steps';

/**
 * The sticky top of the page: the steps, the run controls and the live numbers. Its height is
 * published as --runbar-height so that sections scrolled to stop below it.
 */
export function RunBar({ children }: { children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const publish = () =>
      document.documentElement.style.setProperty('--runbar-height', `${Math.ceil(el.offsetHeight)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // A link to step 2 or 3 (?view=) opens there.
  useEffect(() => {
    const { view } = store.getState();
    if (view !== 'train') scrollToStep(view);
  }, []);
  return (
    <div className="runbar" ref={bar}>
      <StepNav />
      <div className="runbar-panels">{children}</div>
    </div>
  );
}
