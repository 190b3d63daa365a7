// Registers the service worker (src/sw/sw.ts) that makes the app work offline. Builds only: the
// dev server has none (its modules change under it). Registered once the data is ready, so the
// precache's downloads do not compete with the page's own first load (and mostly come from the
// HTTP cache).

import { store } from '../store';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      // Not fatal: the app works online without it (e.g. a browser that blocks service workers).
      console.warn('service worker not registered:', e);
    });
  };
  if (store.getState().dataset) return register();
  const stop = store.subscribe((s) => {
    if (!s.dataset) return;
    stop();
    register();
  });
}
