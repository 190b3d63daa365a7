import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { scaleAxes } from './scaleAxes';
import { useRootFontScale } from './rootFontScale';
import { inkAxes, useInk } from './ink';

/** uPlot's options without the size: the chart takes its container's width. */
export type PlotOptions = Omit<uPlot.Options, 'width' | 'height'>;

/**
 * A uPlot (canvas) chart as wide as its container. The plot is created once per `options`
 * (memoise them) and new data only calls setData, which is cheap, so a chart that updates ten
 * times a second while training never blocks the page (issue #7: recharts redraws did). Resizes
 * follow the container through a ResizeObserver.
 */
export function UPlotChart({
  options,
  data,
  height,
}: {
  options: PlotOptions;
  data: uPlot.AlignedData;
  height: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  const scale = useRootFontScale();
  const ink = useInk();

  // Keeps the newest data for a plot still to be created, and feeds the one that exists.
  useEffect(() => {
    latest.current = data;
    plot.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let u: uPlot | null = null;
    let resize: ResizeObserver | null = null;
    const h = Math.round(height * scale);
    // Built in a task of its own, apart from the render that mounted it: building (DOM, fonts,
    // legend) is the costly part, and should not add to whatever else that task does.
    const timer = setTimeout(() => {
      const plotted = new uPlot(
        {
          ...options,
          axes: inkAxes(scaleAxes(options.axes, scale), ink),
          width: Math.max(el.clientWidth, 100),
          height: h,
        },
        latest.current,
        el,
      );
      u = plotted;
      plot.current = plotted;
      // Only the width follows the container: the plot's own height is fixed.
      resize = new ResizeObserver(() => {
        const width = el.clientWidth;
        if (width > 0 && width !== plotted.width) plotted.setSize({ width, height: h });
      });
      resize.observe(el);
    });
    return () => {
      clearTimeout(timer);
      resize?.disconnect();
      u?.destroy();
      plot.current = null;
    };
  }, [options, height, scale, ink]);

  return <div ref={box} className="uplot-box" />;
}
