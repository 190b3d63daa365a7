// Refusals from the inspect Worker are worded by the app: a file the browser cannot read, or one
// that makes TF.js or the decoder throw, never shows the exception's own sentence.

import { describe, expect, it } from 'vitest';
import { handleInspect, initInspect } from './inspect';
import { defaultConfig } from '../model/spec';
import type { FromWorker } from '../shared/protocol';

/** The browser's own words when a picked file changed on disk (Chromium's NotReadableError). */
const BROWSER_SENTENCE =
  'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.';

/** A picked file that the browser can no longer read. */
function unreadable(name: string): File {
  const fail = () => Promise.reject(new DOMException(BROWSER_SENTENCE, 'NotReadableError'));
  const f = new File(['x'], name);
  return Object.assign(f, { text: fail, arrayBuffer: fail, slice: () => ({ arrayBuffer: fail }) });
}

function harness(): FromWorker[] {
  const posted: FromWorker[] = [];
  initInspect({ post: (m) => posted.push(m), dataset: () => null, training: () => false });
  return posted;
}

describe('inspect refusals', () => {
  it('a model file the browser cannot read is refused in plain words', async () => {
    const posted = harness();
    await handleInspect({ type: 'load-model', files: [unreadable('m.json'), unreadable('m.bin')] });
    expect(posted).toEqual([{ type: 'inspect-error', what: 'load', problem: { code: 'file.unreadable' } }]);
  });

  it('an unreadable picture is refused in plain words', async () => {
    const posted = harness();
    await handleInspect({
      type: 'inspect',
      id: 1,
      config: defaultConfig('cifar'),
      seed: 1,
      subject: { kind: 'file', file: unreadable('cat.png'), name: 'cat.png' },
    });
    expect(posted).toEqual([
      { type: 'inspect-error', what: 'inspect', problem: { code: 'file.unreadable' } },
    ]);
  });

  it("a damaged manifest is refused in our words, not a TypeError's", async () => {
    const posted = harness();
    // A weight's shape that is not a list: TF.js-style code would call .reduce on a string.
    const json = JSON.stringify({
      format: 'alexnet-lab',
      weightsManifest: [
        { paths: ['m.bin'], weights: [{ name: 'conv1/kernel', shape: 'big', dtype: 'float32' }] },
      ],
      metadata: {
        config: defaultConfig('cifar'),
        seed: 1,
        stats: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] },
        trained: true,
        epochs: 1,
        provenance: 'x',
        savedAt: '2026-01-01T00:00:00Z',
      },
    });
    await handleInspect({ type: 'load-model', files: [new File([json], 'm.json'), new File([''], 'm.bin')] });
    expect(posted).toEqual([{ type: 'inspect-error', what: 'load', problem: { code: 'model.badManifest' } }]);
  });
});
