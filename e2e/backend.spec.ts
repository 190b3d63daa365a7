import { test, expect, openReady } from './fixtures';

// Backend choice by measurement: the header shows the figures it chose by. Here (no GPU) the
// only WebGPU adapter is SwiftShader, which is not probed, and wasm is timed and chosen.
test('the header shows the measured backend figures, and a software adapter is not probed', async ({
  page,
  consoleErrors,
}) => {
  const t0 = Date.now();
  await openReady(page);
  const dataReadyS = (Date.now() - t0) / 1000;
  const figures = page.getByTestId('backend-figures');
  await expect(figures).toContainText(/wasm \d+ ms/, { timeout: 20_000 });
  await expect(figures).toContainText(/webgpu — (software adapter, not measured|not available)/);
  await expect(page.getByTestId('backend')).toContainText(/^wasm/);
  // The page is cross-origin isolated, so wasm runs its multi-threaded build, a thread per core.
  const cores = await page.evaluate(() => (crossOriginIsolated ? navigator.hardwareConcurrency : 1));
  if (cores > 1)
    await expect(page.getByTestId('backend')).toContainText(`SIMD, ${Math.min(8, cores)} threads`);
  // The probe runs after the data load, so it cannot hold it up.
  expect(dataReadyS).toBeLessThan(30);
  expect(consoleErrors).toEqual([]);
});

test('while training, the step time and its split into data/forward/backward/update are shown live', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await page.getByLabel('Batch size', { exact: true }).fill('16');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const split = page.getByTestId('step-split');
  await expect(split).toHaveText(/^\d+ ms\/step — data \d+ %, forward \d+ %, backward \d+ %, update \d+ %/, {
    timeout: 120_000,
  });
  // On wasm the phases are measured exactly: together they are (nearly) the whole step.
  const shares = (await split.textContent())!.match(/\d+ %/g)!.map((s) => parseInt(s, 10));
  const sum = shares.slice(0, 4).reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThanOrEqual(90);
  expect(shares[2]).toBeGreaterThan(0); // backward
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText(/idle|done/);
  expect(consoleErrors).toEqual([]);
});
