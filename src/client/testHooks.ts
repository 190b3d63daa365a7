// window.__alexnetLab for the e2e tests: crash the Worker, lose its GPU. Only test builds
// (vite build --mode e2e, which playwright.config.ts runs) import this; app/main.tsx guards it
// with import.meta.env.VITE_TEST_HOOKS, so what `npm run build` ships has none of it.

import type { DebugToWorker } from '../shared/protocol';

export function installTestHooks(send: (msg: DebugToWorker) => void): void {
  (window as Window & { __alexnetLab?: unknown }).__alexnetLab = {
    crashWorker: () => send({ type: 'debug-crash' }),
    loseDevice: () => send({ type: 'debug-lose-device' }),
  };
}
