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
  // The probe runs after the data load, so it cannot hold it up.
  expect(dataReadyS).toBeLessThan(30);
  expect(consoleErrors).toEqual([]);
});
