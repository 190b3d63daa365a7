import { useDeferredValue, useMemo, useState } from 'react';
import { store, useApp } from '../../store';
import { useT } from '../i18n';
import { runToCsv, runToJson } from '../../lab/csv';
import { pageOf } from '../../lab/capacity';
import { readRecords } from '../../client/runsDb';
import type { LabRun } from '../../lab/summary';
import { downloadText } from './download';
import { slug } from './format';
import { Pager } from './Pager';
import { UndoBar } from './UndoBar';
import { runsMemo } from './runsMemo';

/** Rows per page: a page renders in a few milliseconds however many runs are stored. */
export const RUNS_PAGE = 50;

// Kept per list of runs (see runsMemo): a render React throws away does not throw these away.
/** Pinned runs first, then newest first. */
const orderOf = runsMemo((runs: LabRun[]) =>
  [...runs].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt),
);
const idsOf = runsMemo((runs: LabRun[]) => new Set(runs.map((r) => r.id)));

/** One run's steps are read from IndexedDB only when it is downloaded. */
async function download(r: LabRun, kind: 'csv' | 'json') {
  const [rec] = await readRecords([r]);
  if (kind === 'csv') downloadText(`${slug(r.name)}.csv`, runToCsv(rec), 'text/csv');
  else downloadText(`${slug(r.name)}.json`, runToJson(rec), 'application/json');
}

/**
 * Every saved run, a page at a time: pick the ones to compare and the baseline; rename, pin,
 * export; tick runs (or all of them) to delete many at once, with Undo.
 */
export function RunList() {
  const t = useT();
  // Deferred, as in useCompared: ordering 10,000 runs is then not part of the task that stores them.
  const runs = useDeferredValue(useApp((s) => s.runs));
  // Not deferred: "no runs" is said only when there are none, not while the list catches up.
  const count = useApp((s) => s.runs.length);
  useApp((s) => s.runsVersion);
  const selected = useApp((s) => s.selectedIds);
  const baselineId = useApp((s) => s.baselineId);
  const liveRunId = useApp((s) => s.liveRunId);
  const loaded = useApp((s) => s.runsLoaded);
  const { renameRun, togglePin, deleteRun, deleteRuns, setBaseline, toggleSelected, setSelected } =
    store.getState();
  const [pageNo, setPageNo] = useState(0);
  // Ticked for bulk actions (not the same as compared): ids, kept across pages.
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  // No selection means "all runs": unticking one then means all the others.
  const toggle = (id: string) =>
    selected.length === 0 ? setSelected(runs.map((r) => r.id).filter((x) => x !== id)) : toggleSelected(id);
  const ordered = orderOf(runs);
  const compared = useMemo(() => new Set(selected), [selected]);
  const page = pageOf(ordered.length, pageNo, RUNS_PAGE);
  const shown = ordered.slice(page.start, page.end);
  const ids = idsOf(runs);
  const markedHere = [...marked].filter((id) => ids.has(id));
  const allMarked = runs.length > 0 && markedHere.length === runs.length;
  const mark = (id: string) =>
    setMarked((m) => {
      const next = new Set(m);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="lab-block" data-testid="run-list" data-loaded={loaded ? 'true' : 'false'}>
      <h3>{t('labRunsTitle', { n: runs.length })}</h3>
      {/* With thousands of runs reading takes a second or so: not "no runs" meanwhile. */}
      {(!loaded || (count > 0 && runs.length === 0)) && (
        <p className="hint" role="status">
          {t('labRunsLoading')}
        </p>
      )}
      {loaded && count === 0 && <p className="hint">{t('labRunsEmpty')}</p>}
      <UndoBar />
      {runs.length > 0 && (
        <div className="buttons bulk" data-testid="bulk-actions">
          <label className="check inline">
            <input
              type="checkbox"
              checked={allMarked}
              onChange={() => setMarked(allMarked ? new Set() : new Set(runs.map((r) => r.id)))}
            />
            {t('labSelectAll', { n: runs.length })}
          </label>
          <button
            disabled={markedHere.length === 0}
            onClick={() => {
              deleteRuns(markedHere);
              setMarked(new Set());
            }}
          >
            {t('labDeleteSelected', { n: markedHere.length })}
          </button>
          <button disabled={markedHere.length === 0} onClick={() => setSelected(markedHere)}>
            {t('labCompareSelected', { n: markedHere.length })}
          </button>
        </div>
      )}
      <ul className="run-list">
        {shown.map((r) => (
          <li
            key={r.id}
            data-run-id={r.id}
            data-status={r.status}
            className={r.pinned ? 'pinned' : undefined}
          >
            <input
              type="checkbox"
              className="run-mark"
              checked={marked.has(r.id)}
              onChange={() => mark(r.id)}
              aria-label={t('labSelectRun', { name: r.name })}
            />
            <input
              type="checkbox"
              checked={selected.length === 0 || compared.has(r.id)}
              onChange={() => toggle(r.id)}
              aria-label={t('labCompareRun', { name: r.name })}
            />
            <input
              className="run-name"
              key={r.name /* a rename in another tab shows here too */}
              defaultValue={r.name}
              aria-label={t('labRunName')}
              onBlur={(e) => {
                const v = e.currentTarget.value.trim();
                if (v && v !== r.name) renameRun(r.id, v);
              }}
            />
            <span className={`queue-status status-${r.status}`}>{t(`labStatus_${r.status}`)}</span>
            <label className="check inline">
              <input
                type="radio"
                name="baseline"
                checked={baselineId === r.id}
                onChange={() => setBaseline(r.id)}
              />
              {t('labBaseline')}
            </label>
            <button onClick={() => togglePin(r.id)} aria-pressed={r.pinned}>
              {r.pinned ? t('labUnpin') : t('labPin')}
            </button>
            <button onClick={() => void download(r, 'csv')}>CSV</button>
            <button onClick={() => void download(r, 'json')}>JSON</button>
            <button onClick={() => deleteRun(r.id)} disabled={r.id === liveRunId}>
              {t('labDelete')}
            </button>
          </li>
        ))}
      </ul>
      <Pager page={page} onPage={setPageNo} label={t('labRunsPages')} />
    </div>
  );
}
