import { isRunActive, useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { CLASS_NAMES } from '../../shared/types';
import { SampleGrid } from './SampleGrid';
import { useProblemText, useT } from '../i18n';
import { className } from '../inspect/classNames';
import { TableScroll } from '../TableScroll';

/** Source, counts per class and batch, sample images, and loading the official binary release. */
export function DatasetPanel() {
  const t = useT();
  const word = useProblemText();
  const dataset = useApp((s) => s.dataset);
  const progress = useApp((s) => s.dataProgress);
  const error = useApp((s) => s.dataError);
  const loadingFiles = useApp((s) => s.loadingFiles);
  const dismiss = useApp((s) => s.dismissDataError);
  const running = useApp(isRunActive);

  return (
    <div className="panel" aria-labelledby="dataset-title">
      <h2 id="dataset-title">{t('dataTitle')}</h2>
      {error && (
        <div role="alert" className="alert">
          <p>{word(error)}</p>
          <button onClick={dismiss}>{t('dismiss')}</button>
        </div>
      )}
      {!dataset && !error && (
        <p aria-live="polite">
          {progress
            ? t('loading', {
                what: word(progress.what),
                loaded: progress.loaded.toLocaleString(),
                total: progress.total.toLocaleString(),
              })
            : t('loadingShort')}
        </p>
      )}
      {dataset && (
        <>
          <p className="counts">
            {t('countsTrain')} <span data-testid="train-count">{dataset.trainCount}</span> · {t('countsTest')}{' '}
            <span data-testid="test-count">{dataset.testCount}</span>{' '}
            {t('countsImages', { seconds: (dataset.loadMs / 1000).toFixed(1) })}
          </p>
          <p className="source">{word(dataset.source.description)}</p>
          <details>
            <summary>{t('perClassAndBatch')}</summary>
            <TableScroll label={t('perClassAndBatch')}>
              <table className="small-table">
                <thead>
                  <tr>
                    <th>{t('classCol')}</th>
                    {dataset.batches.map((b) => (
                      <th key={b.batch}>{t('batchCol', { n: b.batch })}</th>
                    ))}
                    <th>{t('testCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {CLASS_NAMES.map((name, c) => (
                    <tr key={name}>
                      <td>{className(t, c)}</td>
                      {dataset.batches.map((b) => (
                        <td key={b.batch}>{b.perClass[c]}</td>
                      ))}
                      <td>{dataset.testPerClass[c]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
          <SampleGrid samples={dataset.samples} />
        </>
      )}
      <label className="file-load">
        {t('loadBatches')}
        <input
          type="file"
          multiple
          accept=".bin,.gz,.tgz,application/gzip,application/octet-stream"
          disabled={running || loadingFiles}
          onChange={(e) => {
            bridge.loadFiles(Array.from(e.currentTarget.files ?? []));
            e.currentTarget.value = '';
          }}
        />
      </label>
      {loadingFiles && <p aria-live="polite">{t('readingFiles')}</p>}
    </div>
  );
}
