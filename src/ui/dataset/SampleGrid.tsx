import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { IMAGE_SIZE } from '../../shared/types';
import type { DatasetSummary } from '../../shared/dataset';
import { useT } from '../i18n';
import { className } from '../inspect/classNames';
import { bmpDataUrl } from './bmp';

type Sample = DatasetSummary['samples'][number];
const NO_SAMPLES: Sample[] = [];

/** 32×32×3 RGB bytes as an image (CSS scales it up, pixelated); the button around it is labelled. */
function SampleImage({ pixels, size }: { pixels: Uint8Array; size: number }) {
  const src = useMemo(() => bmpDataUrl(pixels, IMAGE_SIZE, IMAGE_SIZE), [pixels]);
  return (
    <img
      src={src}
      alt=""
      decoding="async"
      width={IMAGE_SIZE}
      height={IMAGE_SIZE}
      className="pixelated"
      style={{ width: size, height: size }}
    />
  );
}

/**
 * One sample, large, in a native modal <dialog>: focus moves into it, Escape or Close closes it
 * and focus goes back to the sample that opened it; a click on the backdrop closes it too.
 */
function SampleDialog({ sample, onClose }: { sample: Sample; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // The dialog has no padding, so a click whose target is the dialog itself is on the backdrop
    // (a mouse shortcut; the keyboard has Escape and the Close button).
    const onBackdrop = (e: MouseEvent) => {
      if (e.target === dialog) dialog.close();
    };
    dialog.addEventListener('click', onBackdrop);
    return () => {
      dialog.removeEventListener('click', onBackdrop);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="sample-dialog"
      aria-label={t('enlarged')}
      // A close event can arrive after React's StrictMode re-opened it (dev): only a dialog that is
      // really closed unmounts.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <div className="modal-body">
        <SampleImage pixels={sample.pixels} size={256} />
        <p>
          <strong>{className(t, sample.label)}</strong> —{' '}
          {t('sampleCaption', { split: t(`split_${sample.split}`), index: sample.index })}
        </p>
        {/* showModal() focuses the first focusable element: this button. */}
        <form method="dialog">
          <button>{t('close')}</button>
        </form>
      </div>
    </dialog>
  );
}

/** A few training images per class; click one to see it large. */
export function SampleGrid({ samples: now }: { samples: Sample[] }) {
  const t = useT();
  // Drawn in a background render after the data arrives (empty at first): the images are then
  // not part of the task in which the whole page takes in the dataset.
  const samples = useDeferredValue(now, NO_SAMPLES);
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
            <SampleImage pixels={s.pixels} size={32} />
          </button>
        ))}
      </div>
      {open && <SampleDialog sample={open} onClose={() => setOpen(null)} />}
    </>
  );
}
