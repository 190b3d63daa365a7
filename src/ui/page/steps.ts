import type { View } from '../../store';

/** The section element of a step of the page. */
export const stepId = (view: View) => `step-${view}`;

/** Brings a step's section to the top of the page, below the sticky run bar (its scroll-margin). */
export function scrollToStep(view: View): void {
  document.getElementById(stepId(view))?.scrollIntoView({ block: 'start' });
}
