// uPlot draws its axes on a canvas, so CSS font sizes (projector mode enlarges the page's root
// font) do not reach their tick labels and titles: the chart scales them itself.
import type uPlot from 'uplot';

/** uPlot's default axis font size and axis size (px), which `scale` multiplies. */
const BASE_FONT_PX = 12;
const BASE_AXIS_PX = 50;
const FAMILY = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/**
 * The axes with tick and title fonts (and the room they take) multiplied by `scale` (the root
 * font size over 16 px: 1 normally, 1.35 in projector mode). An axis's own `size` is scaled too.
 * Pure; the input is not changed.
 */
export function scaleAxes(axes: uPlot.Axis[] | undefined, scale: number): uPlot.Axis[] | undefined {
  if (!axes || scale === 1) return axes;
  const px = Math.round(BASE_FONT_PX * scale);
  return axes.map((a) => ({
    ...a,
    font: `${px}px ${FAMILY}`,
    labelFont: `bold ${px}px ${FAMILY}`,
    labelSize: Math.round(30 * scale),
    size: Math.round((typeof a.size === 'number' ? a.size : BASE_AXIS_PX) * scale),
  }));
}

/** The root element's font size relative to the browser's 16 px default. */
export function rootFontScale(root: Element = document.documentElement): number {
  const px = parseFloat(getComputedStyle(root).fontSize);
  return Number.isFinite(px) && px > 0 ? px / 16 : 1;
}
