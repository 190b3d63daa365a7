import { readFileSync } from 'node:fs';

/**
 * An experiment file of `runs` copies of the fixture's first run (ids `${prefix}-0`, …), each
 * with `steps` steps: as many runs as a class's merged files hold, made here rather than stored.
 */
export function bigExperiment(runs: number, steps = 2, prefix = 'big'): Buffer {
  const fixture = JSON.parse(readFileSync('e2e/fixtures/experiment-v1.json', 'utf8'));
  const base = fixture.runs[0];
  const cols = {
    step: Array.from({ length: steps }, (_, i) => i + 1),
    epoch: Array.from({ length: steps }, (_, i) => (i + 1) / steps),
    seconds: Array.from({ length: steps }, (_, i) => (i + 1) * 1.2),
    loss: Array.from({ length: steps }, (_, i) => 2.3 - i / steps),
    batchAcc: Array.from({ length: steps }, (_, i) => 0.1 + (0.5 * i) / steps),
    imagesPerSec: Array.from({ length: steps }, () => 8.3),
  };
  const evals = base.evals.map((e: { step: number }) => ({ ...e, step: steps }));
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
