import type { View } from '../../store';

/** The section element of a step of the page. */
export const stepId = (view: View) => `step-${view}`;

/**
 * Scrolls `el` to the top of the page, `gapPx` below the run bar where the bar is sticky (wide
 * screens). The bar's height is read here, at the scroll, rather than published as a custom
 * property on <html> whenever it changes: that write restyled the whole page while training.
 */
export function scrollBelowRunBar(el: HTMLElement | null, gapPx = 0): void {
  if (!el) return;
  const bar = document.querySelector<HTMLElement>('.runbar');
  const sticky = bar !== null && getComputedStyle(bar).position === 'sticky';
  const offset = sticky ? Math.ceil(bar.getBoundingClientRect().height) + gapPx : gapPx;
  el.style.scrollMarginTop = `${offset}px`;
  el.scrollIntoView({ block: 'start' });
}

/** Brings a step's section to the top of the page, below the sticky run bar. */
export function scrollToStep(view: View): void {
  scrollBelowRunBar(document.getElementById(stepId(view)));
}
