import { useEffect, useRef, useState } from 'react';
import { IMAGE_SIZE } from '../../shared/types';
import type { DatasetSummary } from '../../shared/dataset';
import { useT } from '../i18n';
import { className } from '../inspect/classNames';

type Sample = DatasetSummary['samples'][number];

/** Draws 32×32×3 RGB bytes into a canvas (CSS scales it up, pixelated). */
function SampleCanvas({ pixels, size }: { pixels: Uint8Array; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(IMAGE_SIZE, IMAGE_SIZE);
    for (let p = 0; p < IMAGE_SIZE * IMAGE_SIZE; p++) {
      img.data[p * 4] = pixels[p * 3];
      img.data[p * 4 + 1] = pixels[p * 3 + 1];
      img.data[p * 4 + 2] = pixels[p * 3 + 2];
      img.data[p * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      width={IMAGE_SIZE}
      height={IMAGE_SIZE}
      className="pixelated"
      style={{ width: size, height: size }}
    />
  );
}

/** A few training images per class; click one to see it large. */
export function SampleGrid({ samples }: { samples: Sample[] }) {
  const t = useT();
  const [open, setOpen] = useState<Sample | null>(null);
  return (
    <>
      <div className="sample-grid" data-testid="sample-grid">
        {samples.map((s) => (
          <button
            key={`${s.split}-${s.index}`}
            className="sample"
            title={`${className(t, s.label)} (${t(`split_${s.split}`)} #${s.index})`}
            aria-label={t('enlarge', {
              name: className(t, s.label),
              split: t(`split_${s.split}`),
              index: s.index,
            })}
            onClick={() => setOpen(s)}
          >
            <SampleCanvas pixels={s.pixels} size={32} />
          </button>
        ))}
      </div>
      {open && (
        <div className="modal" role="dialog" aria-label={t('enlarged')} onClick={() => setOpen(null)}>
          <div className="modal-body" onClick={(e) => e.stopPropagation()}>
            <SampleCanvas pixels={open.pixels} size={256} />
            <p>
              <strong>{className(t, open.label)}</strong> —{' '}
              {t('sampleCaption', { split: t(`split_${open.split}`), index: open.index })}
            </p>
            <button onClick={() => setOpen(null)} autoFocus>
              {t('close')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
