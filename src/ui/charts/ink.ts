import type uPlot from 'uplot';
import { rootWatch } from './rootWatch';

/** The page's text and rule colours (CSS --fg, --line): canvas text does not follow CSS. */
export interface Ink {
  text: string;
  rule: string;
}

function readInk(): Ink {
  const css = getComputedStyle(document.documentElement);
  return {
    text: css.getPropertyValue('--fg').trim() || '#1b1f24',
    rule: css.getPropertyValue('--line').trim() || '#dde1e6',
  };
}

/** The ink, followed as dark mode switches (the theme is an attribute of <html>). */
export const useInk = rootWatch('data-theme', readInk, (a, b) => a.text === b.text && a.rule === b.rule);

/** Axes drawn in the page's colours, unless an axis sets its own. */
export function inkAxes(axes: uPlot.Axis[] | undefined, ink: Ink): uPlot.Axis[] | undefined {
  return axes?.map((a) => ({
    stroke: ink.text,
    ...a,
    grid: { stroke: ink.rule, width: 1, ...a.grid },
    ticks: { stroke: ink.rule, width: 1, ...a.ticks },
  }));
}
