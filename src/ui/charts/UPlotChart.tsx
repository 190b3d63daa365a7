import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { scaleAxes } from './scaleAxes';
import { useRootFontScale } from './rootFontScale';
import { inkAxes, useInk } from './ink';
import { chartRows } from './chartTable';
import { plotPng } from './chartPng';
import { downloadBlob } from '../../client/download';
import { useT } from '../i18n';

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
  title,
  file,
  svg,
}: {
  options: PlotOptions;
  data: uPlot.AlignedData;
  height: number;
  /** The chart's name: the PNG's heading and the data table's caption. */
  title: string;
  /** The PNG's file name, without '.png'. */
  file: string;
  /** The chart as an SVG document, given which series are shown (the legend hides some): a Save SVG button. */
  svg?: (shown: boolean[]) => string;
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

  return (
    <>
      <div ref={box} className="uplot-box" />
      <ChartTools options={options} data={data} title={title} file={file} plot={plot} svg={svg} />
    </>
  );
}

/** Under each chart: save it as a PNG, and its values as a table (the chart's text alternative). */
function ChartTools({
  options,
  data,
  title,
  file,
  plot,
  svg,
}: {
  options: PlotOptions;
  data: uPlot.AlignedData;
  title: string;
  file: string;
  plot: React.RefObject<uPlot | null>;
  svg?: (shown: boolean[]) => string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const labels = options.series.map((s) => String(s.label ?? ''));
  const save = () => {
    const u = plot.current;
    if (!u) return;
    // A series hidden from the legend is left out of the picture's legend too.
    const legend = options.series
      .slice(1)
      .filter((_, i) => u.series[i + 1]?.show !== false)
      .map((s) => ({
        label: String(s.label ?? ''),
        colour: typeof s.stroke === 'string' ? s.stroke : '#888',
      }));
    void plotPng(u.ctx.canvas, title, legend).then((b) => downloadBlob(`${file}.png`, b));
  };
  return (
    <div className="chart-tools">
      <button type="button" onClick={save} aria-label={t('savePngOf', { name: title })}>
        {t('savePng')}
      </button>
      {svg && (
        <button
          type="button"
          aria-label={t('saveSvgOf', { name: title })}
          onClick={() => {
            // Series 0 is x; a series hidden from the legend is left out of the file too.
            const shown = (plot.current?.series ?? options.series).slice(1).map((s) => s.show !== false);
            downloadBlob(`${file}.svg`, new Blob([svg(shown)], { type: 'image/svg+xml' }));
          }}
        >
          {t('saveSvg')}
        </button>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('dataTable')}</summary>
        {/* Built only when opened: the loss chart has hundreds of points. */}
        {open && (
          <div className="table-scroll chart-table" role="region" aria-label={title} tabIndex={0}>
            <table data-testid={`${file}-table`}>
              <caption>{t('dataTableOf', { name: title })}</caption>
              <thead>
                <tr>
                  {labels.map((l, i) => (
                    <th key={i} scope="col">
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chartRows(data).map((row, i) => (
                  <tr key={i}>
                    {row.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={j}>{c}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </div>
  );
}
