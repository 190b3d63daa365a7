import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bridge } from '../client/bridge';
import { startLab } from '../client/lab';
import { startInspect } from '../client/inspect';
import './app.css';

// The Worker starts at once: picking a backend and decoding the data overlap with first paint.
bridge.start();

// Test hooks for the e2e tests, only when asked for in the URL (?testhooks).
if (new URLSearchParams(location.search).has('testhooks')) {
  (window as Window & { __alexnetLab?: unknown }).__alexnetLab = {
    crashWorker: () => bridge.crashWorkerForTest(),
    loseDevice: () => bridge.loseDeviceForTest(),
  };
}
// Before the first render: the setup in the URL, the saved runs and the inspect views' listeners.
startLab();
startInspect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
