// An experiment file of many runs, made from the e2e fixture's first run: the size of a class's
// merged files without storing one. Shared by the lab benchmark; e2e/bigExperiment.ts is its twin.
import { readFileSync } from 'node:fs';

/** `runs` runs (ids `${prefix}-0`, …) of `steps` steps each, as the bytes of a JSON file. */
export function experimentFile(runs, steps = 2, prefix = 'bench') {
  const fixture = JSON.parse(readFileSync('e2e/fixtures/experiment-v1.json', 'utf8'));
  const base = fixture.runs[0];
  const col = (f) => Array.from({ length: steps }, (_, i) => f(i));
  const cols = {
    step: col((i) => i + 1),
    epoch: col((i) => (i + 1) / steps),
    seconds: col((i) => (i + 1) * 1.2),
    loss: col((i) => 2.3 - i / steps),
    batchAcc: col((i) => 0.1 + (0.5 * i) / steps),
    imagesPerSec: col(() => 8.3),
  };
  const evals = base.evals.map((e) => ({ ...e, step: steps }));
  const list = Array.from({ length: runs }, (_, i) => ({
    ...base,
    id: `${prefix}-${i}`,
    name: `${prefix} run ${i}`,
    variant: null,
    createdAt: base.createdAt + i,
    endedAt: base.endedAt + i,
    settings: { ...base.settings, seed: (i % 1000) + 1 },
    steps: cols,
    evals,
  }));
  return Buffer.from(JSON.stringify({ ...fixture, baselineId: null, runs: list }));
}
