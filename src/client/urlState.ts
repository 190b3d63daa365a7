// Keeps the setup (config, optimiser, data, epochs, seed and the queue form) in the URL query, so
// a link restores it. Read once at start (bad values → defaults + a message), then rewritten with
// history.replaceState as the setup changes. Results are never in the URL.

import { store, type AppState } from '../store';
import { settingsOf } from '../store/configSlice';
import { decodeUrlState, encodeUrlState } from '../lab/url';

const WRITE_MS = 300;

export function startUrlState(): void {
  const s = store.getState();
  const decoded = decodeUrlState(new URLSearchParams(location.search), settingsOf(s));
  if (decoded.present) {
    const { config, optimizer, data, epochs, seed } = decoded.settings;
    store.setState({
      config,
      optimizer,
      data,
      epochs,
      seed,
      ...(decoded.queue ? { queueSetup: decoded.queue } : {}),
    });
  }
  if (decoded.problems.length > 0)
    store.setState({
      labMessage: {
        kind: 'error',
        text: `Some settings in the link were not valid and were left at their defaults: ${decoded.problems.join(', ')}.`,
      },
    });

  let timer: ReturnType<typeof setTimeout> | null = null;
  const watched = (x: AppState) => [x.config, x.optimizer, x.data, x.epochs, x.seed, x.queueSetup];
  store.subscribe((next, prev) => {
    const a = watched(next);
    const b = watched(prev);
    if (a.every((v, i) => v === b[i])) return;
    timer ??= setTimeout(() => {
      timer = null;
      const st = store.getState();
      const q = encodeUrlState(
        { settings: settingsOf(st), queue: st.queueSetup },
        new URLSearchParams(location.search),
      );
      history.replaceState(history.state, '', `${location.pathname}?${q.toString()}${location.hash}`);
    }, WRITE_MS);
  });
}
