import { useRef } from 'react';
import { store, useApp } from '../../store';
import { renderProblem, useLang, useT } from '../i18n';
import { exportExperiment, MAX_EXPERIMENT_BYTES } from '../../lab/experiment';
import { comparisonToCsv, comparisonToJson } from '../../lab/csv';
import { scorecard } from '../../lab/scorecard';
import { fieldSpread, groupVariants } from '../../lab/stats';
import { variantKey } from '../../lab/plan';
import { cancelImport, importFile as importInWorker } from '../../client/importer';
import { readRecords } from '../../client/runsDb';
import { useCompared } from './useCompared';
import { downloadText } from './download';

/** The comparison as CSV / JSON, and whole experiments (all runs) as one file, out and in. */
export function ExperimentFiles() {
  const t = useT();
  const lang = useLang();
  const { runs, baseline, target } = useCompared();
  const all = useApp((s) => s.runs);
  const progress = useApp((s) => s.importProgress);
  const input = useRef<HTMLInputElement>(null);
  const { setLabMessage } = store.getState();
  const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');

  const baselineTop1 = () => {
    if (!baseline) return null;
    const g = groupVariants(runs, target).find((x) => x.key === variantKey(baseline.settings));
    return g ? (fieldSpread(g.summaries, 'finalTop1')?.mean ?? null) : null;
  };

  async function importFile(file: File) {
    if (file.size > MAX_EXPERIMENT_BYTES) {
      setLabMessage({ kind: 'error', text: t('labImportTooBig', { name: file.name }) });
      return;
    }
    // Read, checked and written by the import Worker: the page stays free meanwhile.
    const res = await importInWorker(file);
    if (res.kind === 'refused') {
      const why = [res.problem, res.detail].map((p) => (p ? renderProblem(lang, p) : ''));
      setLabMessage({ kind: 'error', text: `${file.name}: ${why.join(' ').trim()}` });
    } else if (res.kind === 'cancelled')
      setLabMessage({ kind: 'info', text: t('labImportCancelled', { name: file.name }) });
    else
      setLabMessage({
        kind: 'info',
        text: t('labImported', { added: res.added, skipped: res.skipped, name: file.name }),
      });
  }

  async function exportAll() {
    // The steps are read from IndexedDB only now: the list holds summaries.
    const records = await readRecords(store.getState().runs);
    downloadText(
      `alexnet-lab-experiment-${stamp()}.json`,
      exportExperiment(records, store.getState().baselineId, new Date()),
      'application/json',
    );
  }

  return (
    <div className="lab-block buttons" data-testid="experiment-files">
      <button
        disabled={runs.length === 0}
        onClick={() =>
          downloadText(
            `alexnet-lab-comparison-${stamp()}.csv`,
            comparisonToCsv(runs, target, baselineTop1()),
            'text/csv',
          )
        }
      >
        {t('labExportCompareCsv')}
      </button>
      <button
        disabled={runs.length === 0}
        onClick={() =>
          downloadText(
            `alexnet-lab-comparison-${stamp()}.json`,
            comparisonToJson(
              runs,
              target,
              baseline?.id ?? null,
              baseline ? scorecard(runs, baseline, target) : [],
            ),
            'application/json',
          )
        }
      >
        {t('labExportCompareJson')}
      </button>
      <button disabled={all.length === 0} onClick={() => void exportAll()}>
        {t('labExportExperiment')}
      </button>
      <label className="file-button">
        {t('labImportExperiment')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={progress !== null}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void importFile(f);
            if (input.current) input.current.value = '';
          }}
        />
      </label>
      {progress && (
        <div className="import-progress" data-testid="import-progress" role="status">
          <label>
            <span>
              {progress.total === 0
                ? t('labImportReading', { name: progress.name })
                : t('labImportProgress', { name: progress.name, done: progress.done, total: progress.total })}
            </span>
            <progress
              max={Math.max(1, progress.total)}
              value={progress.total === 0 ? undefined : progress.done}
            />
          </label>
          <button onClick={() => cancelImport()}>{t('labImportCancel')}</button>
        </div>
      )}
    </div>
  );
}
