import { useRef } from 'react';
import { loadModelFiles, saveModel } from '../../client/inspect';
import { isRunActive, useApp } from '../../store';
import { useProblemText, useT } from '../i18n';
import { originText } from './ModelLabel';

/** Save the model in use (model.json + .bin) and load a saved one back (pick or drop both files). */
export function ModelFiles() {
  const t = useT();
  const live = useApp((s) => s.liveModel);
  const note = useApp((s) => s.modelFileNote);
  const word = useProblemText();
  const busy = useApp((s) => s.modelFileBusy);
  const running = useApp(isRunActive);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div
      className="model-files"
      data-testid="model-drop"
      // Dropped model files stay here: the page-level drop would read them as CIFAR batches.
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (!running) loadModelFiles(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="buttons">
        <button onClick={saveModel} disabled={busy}>
          {t('saveModel')}
        </button>
        <button onClick={() => picker.current?.click()} disabled={busy || running}>
          {t('loadModel')}
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,.bin"
          multiple
          hidden
          data-testid="model-picker"
          onChange={(e) => {
            loadModelFiles(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
        />
        {live && (
          <span className="hint" data-testid="live-model" data-source={live.source}>
            {t('modelIs')}: {originText(t, live)}
          </span>
        )}
      </div>
      <p className="hint">{t('modelFilesHint')}</p>
      {note &&
        (note.kind !== 'error' ? (
          <p className="hint" role="status" data-testid="model-file-note">
            {t(note.kind === 'saved' ? 'modelSaved' : 'modelLoaded', { name: note.names })}
          </p>
        ) : (
          <p className="alert" role="alert">
            {word(note.problem)}
          </p>
        ))}
    </div>
  );
}
