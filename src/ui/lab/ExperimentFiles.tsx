import { useRef } from 'react';
import { store, useApp } from '../../store';
import { renderProblem, useLang, useT } from '../i18n';
import { exportExperiment, importExperiment, mergeRuns, MAX_EXPERIMENT_BYTES } from '../../lab/experiment';
import { comparisonToCsv, comparisonToJson } from '../../lab/csv';
import { scorecard } from '../../lab/scorecard';
import { fieldSpread, groupVariants } from '../../lab/stats';
import { variantKey } from '../../lab/plan';
import { useCompared } from './useCompared';
import { downloadText } from './download';
import { problem } from '../../shared/problem';

/** The comparison as CSV / JSON, and whole experiments (all runs) as one file, out and in. */
export function ExperimentFiles() {
  const t = useT();
  const lang = useLang();
  const { runs, baseline, target } = useCompared();
  const all = useApp((s) => s.runs);
  const input = useRef<HTMLInputElement>(null);
  const { setLabMessage, importRuns } = store.getState();
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
    let text: string;
    try {
      text = await file.text();
    } catch {
      // Moved, changed or deleted since it was picked: our words, not the browser's sentence.
      setLabMessage({
        kind: 'error',
        text: `${file.name}: ${renderProblem(lang, problem('file.unreadable'))}`,
      });
      return;
    }
    const res = importExperiment(text);
    if (!res.ok) {
      const why = [res.problem, res.detail].map((p) => (p ? renderProblem(lang, p) : ''));
      setLabMessage({ kind: 'error', text: `${file.name}: ${why.join(' ').trim()}` });
      return;
    }
    const merged = mergeRuns(store.getState().runs, res.runs);
    importRuns(merged.runs, res.baselineId, {
      kind: 'info',
      text: t('labImported', { added: merged.added, skipped: merged.skipped, name: file.name }),
    });
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
      <button
        disabled={all.length === 0}
        onClick={() =>
          downloadText(
            `alexnet-lab-experiment-${stamp()}.json`,
            exportExperiment(all, store.getState().baselineId, new Date()),
            'application/json',
          )
        }
      >
        {t('labExportExperiment')}
      </button>
      <label className="file-button">
        {t('labImportExperiment')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void importFile(f);
            if (input.current) input.current.value = '';
          }}
        />
      </label>
    </div>
  );
}
