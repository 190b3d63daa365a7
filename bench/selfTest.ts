// `npm run bench:node -- --self-test`: the app's GPU self-test (src/runtime/selfTest.ts) in Node,
// for a lent GPU: every kernel case and one whole training step per preset, each as a line with
// its max error and pass/fail, then one JSON line. Kernels that fail are left stock before the
// steps run, as in the app.
import type { PresetId } from '../src/shared/types';
import type { CaseResult } from '../src/kernels/webgpu/selfTest';
import { defaultConfig } from '../src/model/spec';
import { startNodeBackend } from '../src/runtime/nodeBackend';
import { stepCase } from '../src/train/stepCheck';

const line = (r: CaseResult) =>
  `${r.pass ? 'pass' : 'FAIL'}  max error ${r.maxError.toExponential(2)} (tolerance ${r.tolerance})  ${r.name}`;

/** `presets`: whose whole step to check (the paper preset's grouped convolutions, as published). */
export async function runSelfTest(
  wasmDir: string,
  presets: PresetId[],
  log: (s: string) => void,
): Promise<void> {
  await startNodeBackend('webgpu', wasmDir);
  // After the Dawn globals: importing the webgpu kernels loads tfjs-backend-webgpu (nodeBackend.ts).
  const { selfTestKernels, selfTestStep } = await import('../src/runtime/selfTest');
  const t0 = performance.now();
  const kernels = await selfTestKernels('node', (r) => log(line(r)));
  log(
    `kernel cases: ${kernels.results.length} in ${kernels.ms.toFixed(0)} ms; left stock: ${kernels.stock.join(', ') || 'none'}`,
  );
  const steps = [];
  for (const preset of presets) {
    const config = { ...defaultConfig(preset), grouped: preset === 'paper' };
    const step = await selfTestStep('node', stepCase(config), async () => {
      await startNodeBackend('wasm', wasmDir);
      return true;
    });
    log(`${line(step.result)} (${step.ms.toFixed(0)} ms)`);
    steps.push({ preset, ...step });
  }
  const pass = kernels.results.every((r) => r.pass) && steps.every((s) => s.result.pass);
  log(
    JSON.stringify({
      when: new Date().toISOString(),
      selfTest: { pass, ms: performance.now() - t0, kernels: kernels.results, stock: kernels.stock, steps },
    }),
  );
}
