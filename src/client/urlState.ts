// Keeps the setup (every setting of the table, recipe included, and the queue form) in the URL
// query, so a link restores it. Read once at start (bad values → defaults + a message in the
// user's language), then rewritten with history.replaceState as the setup changes. Results are
// never in the URL. The page's step (?view=train|inside|compare) is no setting: it has its own
// key, read and written here beside the settings and left out of their codec.

import { isView, store, type AppState } from '../store';
import { allSettingsOf } from '../store/configSlice';
import { decodeUrlState, encodeUrlState } from '../lab/url';
import { problem } from '../shared/problem';

const WRITE_MS = 300;
const VIEW_KEY = 'view';

export function startUrlState(): void {
  const s = store.getState();
  const decoded = decodeUrlState(new URLSearchParams(location.search), allSettingsOf(s));
  if (decoded.present) {
    s.restoreSettings(decoded.settings);
    if (decoded.queue) s.setQueueSetup(decoded.queue);
  }
  const view = new URLSearchParams(location.search).get(VIEW_KEY);
  if (isView(view)) s.setView(view);
  const viewProblems = view !== null && !isView(view) ? [problem('url.badView', { value: view })] : [];
  if (decoded.problems.length > 0 || viewProblems.length > 0) {
    const keys = decoded.problems.map((p) => String(p.params?.name)).join(', ');
    const reset =
      decoded.problems.length > 0 ? [problem('url.settingsReset', { keys }), ...decoded.problems] : [];
    s.setLabMessage({ kind: 'error', problems: [...reset, ...viewProblems] });
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  const watched = (x: AppState) => [...Object.values(allSettingsOf(x)), x.queueSetup, x.view];
  store.subscribe((next, prev) => {
    const a = watched(next);
    const b = watched(prev);
    if (a.every((v, i) => v === b[i])) return;
    timer ??= setTimeout(() => {
      timer = null;
      const st = store.getState();
      const q = encodeUrlState(
        { settings: allSettingsOf(st), queue: st.queueSetup },
        new URLSearchParams(location.search),
      );
      q.set(VIEW_KEY, st.view);
      history.replaceState(history.state, '', `${location.pathname}?${q.toString()}${location.hash}`);
    }, WRITE_MS);
  });
}
