import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bridge } from '../client/bridge';
import { startLab } from '../client/lab';
import { startInspect } from '../client/inspect';
import { installTestHooks } from '../client/testHooks';
import { registerServiceWorker } from '../client/serviceWorker';
import { startTheme } from '../ui/theme';
import { i18nReady } from '../ui/i18n';
import './app.css';

// Light or dark before the first paint.
startTheme();
// The Worker starts at once: picking a backend and decoding the data overlap with first paint.
bridge.start();

// Test hooks for the e2e tests, only in test builds (vite build --mode e2e): a constant, so the
// production build drops this branch and the module.
if (import.meta.env.VITE_TEST_HOOKS) installTestHooks((msg) => bridge.debug(msg));
// Before the first render: the setup in the URL, the saved runs and the inspect views' listeners.
startLab();
startInspect();
// Offline: the app, its wasm and the data cached once the data is ready (production builds only).
registerServiceWorker();

// In the visitor's language from the first paint (简体中文 is a chunk of its own).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
