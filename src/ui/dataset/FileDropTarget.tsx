import { useState, type DragEvent, type ReactNode } from 'react';
import { bridge } from '../../client/bridge';
import { useT } from '../i18n';

/**
 * Files dropped anywhere on the page go to the Worker as a dataset load (official .bin batches or
 * cifar-10-binary.tar.gz). The page never reads the bytes itself. A region inside that handles its
 * own drops (e.g. image classification) calls stopPropagation.
 */
export function FileDropTarget({ children }: { children: ReactNode }) {
  const t = useT();
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className={over ? 'page dropping' : 'page'}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      // A region that handles its own drops stops them bubbling here: the hint goes away anyway.
      onDropCapture={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        bridge.loadFiles(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {over && <div className="drop-hint">{t('dropHint')}</div>}
    </div>
  );
}
