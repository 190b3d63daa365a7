import { useEffect, useRef, useState, type DragEvent } from 'react';
import { inspectFile, inspectTestImage, refreshInspect } from '../../client/inspect';
import { useApp } from '../../store';
import { useT } from '../i18n';

/**
 * Where an image comes in: a drop zone (data-testid="drop-zone"; it stops the drop from reaching
 * the page-level dataset drop), a file picker, paste anywhere on the page, or a test image by index.
 */
export function ClassifyBox() {
  const t = useT();
  const [over, setOver] = useState(false);
  const [index, setIndex] = useState(0);
  const testCount = useApp((s) => s.dataset?.testCount ?? 0);
  const busy = useApp((s) => s.inspectBusy);
  const hasSubject = useApp((s) => s.subjectLabel !== null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      inspectFile(file);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);

  const stop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="classify-box">
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          stop(e);
          setOver(true);
        }}
        onDragEnter={stop}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          stop(e);
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file) inspectFile(file);
        }}
      >
        <p>{t('dropZone')}</p>
        <button onClick={() => picker.current?.click()}>{t('pickImage')}</button>
        <input
          ref={picker}
          type="file"
          accept="image/*"
          hidden
          data-testid="image-picker"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) inspectFile(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <div className="test-pick">
        <label>
          {t('testImageIndex')}{' '}
          <input
            type="number"
            min={0}
            max={Math.max(0, testCount - 1)}
            value={index}
            onChange={(e) => setIndex(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))}
          />
        </label>
        <button disabled={testCount === 0} onClick={() => inspectTestImage(Math.min(index, testCount - 1))}>
          {t('showTestImage')}
        </button>
        <button
          disabled={testCount === 0}
          onClick={() => {
            const i = Math.floor(Math.random() * testCount);
            setIndex(i);
            inspectTestImage(i);
          }}
        >
          {t('randomTestImage')}
        </button>
        <button disabled={!hasSubject} onClick={refreshInspect}>
          {t('refreshInspect')}
        </button>
        {busy && (
          <span className="hint" role="status">
            {t('classifying')}
          </span>
        )}
      </div>
    </div>
  );
}
