// Starts the ablation lab's page-side services: the setup from the URL, the run recorder, the
// queue runner and the saved runs (IndexedDB).

import { startUrlState } from './urlState';
import { startRecorder } from './recorder';
import { startQueueRunner } from './queueRunner';
import { startRunPersistence } from './runsDb';

export function startLab(): void {
  startUrlState();
  startRecorder();
  startQueueRunner();
  void startRunPersistence();
}
