// Turns anything thrown into one line a person can read (no stack traces in the page).

import type { RunSettings } from '../shared/types';

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  return 'an unknown error occurred';
}

/** What the backends say when a tensor does not fit: GPU buffers, WebGL textures, the wasm heap. */
const OUT_OF_MEMORY =
  /out of memory|\bOOM\b|failed to allocate|allocation failed|cannot enlarge memory|memory access out of bounds|Requested texture size|exceeds the max/i;

/**
 * A training failure in plain words. Running out of memory says what to change: the batch size
 * (halved, as a starting point) or the smaller preset.
 */
export function describeTrainingError(err: unknown, settings: RunSettings): string {
  const text = describeError(err);
  if (OUT_OF_MEMORY.test(text)) {
    const batch = settings.optimizer.batchSize;
    const smaller = Math.max(1, Math.floor(batch / 2));
    const preset =
      settings.config.preset === 'paper'
        ? ' or switch to the AlexNet-CIFAR preset (about 6 % of the memory)'
        : '';
    return `Training stopped: the device ran out of memory with batch size ${batch}. Lower the batch size (try ${smaller})${preset}, then train again. (${text})`;
  }
  return `Training failed: ${text}`;
}
