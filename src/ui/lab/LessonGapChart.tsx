import { useRef } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../i18n';
import type { VariantResult } from '../../lab/lessons';
import { downloadBlob, svgToPng } from './download';

/**
 * Lesson (e): the train–test gap (points) against the model width and against the training-set
 * size. The reference variant (×1, all images) is a point of both lines. `images` is the
 * reference's training-set size; the variants' x on that axis are fractions of it.
 */
export function LessonGapChart({ variants, images }: { variants: VariantResult[]; images: number }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const line = (axis: 'width' | 'images') =>
    variants
      .flatMap((v) => {
        if (v.figures.gap === null || v.figures.gap === undefined || !v.chart) return [];
        const onAxis = v.chart.axis === axis || v.chart.x === 1;
        const x = axis === 'images' ? Math.round(v.chart.x * images) : v.chart.x;
        return onAxis ? [{ x, gap: Number((v.figures.gap * 100).toFixed(1)) }] : [];
      })
      .sort((a, b) => a.x - b.x);
  const chart = (axis: 'width' | 'images', title: string) => (
    <figure className="lesson-chart" data-testid={`lesson-gap-${axis}`} data-points={line(axis).length}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={line(axis)}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} />
          <YAxis />
          <Tooltip />
          <Line dataKey="gap" name={t('lessonFig_gap')} stroke="#c60" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
  return (
    <div ref={box} data-testid="lesson-gap-chart">
      <p className="hint">{t('lessonGapChart')}</p>
      <div className="lesson-charts">
        {chart('width', t('lessonGapByWidth'))}
        {chart('images', t('lessonGapByImages'))}
      </div>
      <button
        onClick={() => {
          // Each line is its own svg: the PNG is the width chart, then the images chart.
          const svgs = box.current?.querySelectorAll<SVGSVGElement>('svg.recharts-surface') ?? [];
          svgs.forEach(
            (s, i) =>
              void svgToPng(s).then((b) =>
                downloadBlob(`alexnet-lab-lesson-e-gap-${i ? 'images' : 'width'}.png`, b),
              ),
          );
        }}
      >
        PNG
      </button>
    </div>
  );
}
