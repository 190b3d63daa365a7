import { store, useApp } from '../../store';
import { useT } from '../i18n';
import { runToCsv, runToJson } from '../../lab/csv';
import { downloadText } from './download';
import { slug } from './format';

/** Every saved run: pick the ones to compare and the baseline; rename, pin, delete, export. */
export function RunList() {
  const t = useT();
  const runs = useApp((s) => s.runs);
  useApp((s) => s.runsVersion);
  const selected = useApp((s) => s.selectedIds);
  const baselineId = useApp((s) => s.baselineId);
  const liveRunId = useApp((s) => s.liveRunId);
  const loaded = useApp((s) => s.runsLoaded);
  const { renameRun, togglePin, deleteRun, setBaseline, toggleSelected, setSelected } = store.getState();
  // No selection means "all runs": unticking one then means all the others.
  const toggle = (id: string) =>
    selected.length === 0 ? setSelected(runs.map((r) => r.id).filter((x) => x !== id)) : toggleSelected(id);
  // Pinned runs first, then newest first.
  const ordered = [...runs].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);

  return (
    <div className="lab-block" data-testid="run-list" data-loaded={loaded ? 'true' : 'false'}>
      <h3>{t('labRunsTitle', { n: runs.length })}</h3>
      {runs.length === 0 && <p className="hint">{t('labRunsEmpty')}</p>}
      <ul className="run-list">
        {ordered.map((r) => (
          <li
            key={r.id}
            data-run-id={r.id}
            data-status={r.status}
            className={r.pinned ? 'pinned' : undefined}
          >
            <input
              type="checkbox"
              checked={selected.length === 0 || selected.includes(r.id)}
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
            <button onClick={() => downloadText(`${slug(r.name)}.csv`, runToCsv(r), 'text/csv')}>CSV</button>
            <button onClick={() => downloadText(`${slug(r.name)}.json`, runToJson(r), 'application/json')}>
              JSON
            </button>
            <button onClick={() => deleteRun(r.id)} disabled={r.id === liveRunId}>
              {t('labDelete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
