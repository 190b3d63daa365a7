import { useApp } from '../../store';
import { bridge } from '../../client/bridge';
import { CLASS_NAMES } from '../../shared/types';
import { SampleGrid } from './SampleGrid';

/** Source, counts per class and batch, sample images, and loading the official binary release. */
export function DatasetPanel() {
  const dataset = useApp((s) => s.dataset);
  const progress = useApp((s) => s.dataProgress);
  const error = useApp((s) => s.dataError);
  const loadingFiles = useApp((s) => s.loadingFiles);
  const dismiss = useApp((s) => s.dismissDataError);
  const running = useApp((s) => s.runState === 'training' || s.runState === 'paused');

  return (
    <div className="panel" aria-labelledby="dataset-title">
      <h2 id="dataset-title">Data: CIFAR-10</h2>
      {error && (
        <div role="alert" className="alert">
          <p>{error}</p>
          <button onClick={dismiss}>Dismiss</button>
        </div>
      )}
      {!dataset && !error && (
        <p aria-live="polite">
          Loading{' '}
          {progress
            ? `${progress.what}: ${progress.loaded.toLocaleString()} / ${progress.total.toLocaleString()}`
            : '…'}
        </p>
      )}
      {dataset && (
        <>
          <p className="counts">
            Train <span data-testid="train-count">{dataset.trainCount}</span> · Test{' '}
            <span data-testid="test-count">{dataset.testCount}</span> images · ready in{' '}
            {(dataset.loadMs / 1000).toFixed(1)} s
          </p>
          <p className="source">{dataset.source.description}</p>
          <details>
            <summary>Images per class and batch</summary>
            <table className="small-table">
              <thead>
                <tr>
                  <th>class</th>
                  {dataset.batches.map((b) => (
                    <th key={b.batch}>batch {b.batch}</th>
                  ))}
                  <th>test</th>
                </tr>
              </thead>
              <tbody>
                {CLASS_NAMES.map((name, c) => (
                  <tr key={name}>
                    <td>{name}</td>
                    {dataset.batches.map((b) => (
                      <td key={b.batch}>{b.perClass[c]}</td>
                    ))}
                    <td>{dataset.testPerClass[c]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <SampleGrid samples={dataset.samples} />
        </>
      )}
      <label className="file-load">
        Load CIFAR-10 batches from disk (data_batch_1.bin … test_batch.bin, or cifar-10-binary.tar.gz):
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
      {loadingFiles && <p aria-live="polite">Reading your files…</p>}
    </div>
  );
}
