// Turns anything thrown into a Problem the page can word (no stack traces in the page).

import type { RunSettings } from '../shared/types';
import { problem, ProblemError, type Problem } from '../shared/problem';

/** A ProblemError's own problem; anything else is unexpected, with its text as the detail. */
export function describeError(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  if (err instanceof Error) return problem('error.unexpected', { detail: err.message || err.name });
  if (typeof err === 'string') return problem('error.unexpected', { detail: err });
  return problem('error.unknown');
}

/** The browser could not read a picked file: moved, changed or deleted since it was picked. */
function isReadError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'NotReadableError' || name === 'NotFoundError';
}

/**
 * Why a file was refused, in plain words: a ProblemError's own problem, a read failure as such,
 * and for anything else `fallback` — never the exception's text (a TF.js or browser sentence).
 */
export function describeRefusal(err: unknown, fallback: Problem): Problem {
  if (err instanceof ProblemError) return err.problem;
  if (isReadError(err)) return problem('file.unreadable');
  return fallback;
}

/** What the backends say when a tensor does not fit: GPU buffers, WebGL textures, the wasm heap. */
const OUT_OF_MEMORY =
  /out of memory|\bOOM\b|failed to allocate|allocation failed|cannot enlarge memory|memory access out of bounds|Requested texture size|exceeds the max/i;

/**
 * A training failure. Running out of memory says what to change: the batch size (halved, as a
 * starting point) or the smaller preset.
 */
export function describeTrainingError(err: unknown, settings: RunSettings): Problem {
  const cause = describeError(err);
  const text = cause.code === 'error.unexpected' ? String(cause.params?.detail) : '';
  if (OUT_OF_MEMORY.test(text)) {
    const batch = settings.optimizer.batchSize;
    return problem('train.outOfMemory', {
      batch,
      smaller: Math.max(1, Math.floor(batch / 2)),
      preset: settings.config.preset === 'paper' ? problem('train.outOfMemoryPreset') : '',
      detail: text,
    });
  }
  return problem('train.failed', { cause });
}
