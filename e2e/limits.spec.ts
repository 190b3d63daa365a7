import { test, expect, openReady } from './fixtures';

// The limits check before a run (model/limits.ts). The test hook ?adapterLimit=BYTES (test builds
// only) caps the per-buffer limits; here at 10 MB on wasm, which has no such cap of its own, so
// the refusal is shown without a software GPU's minutes of self-test. 40 images at batch 64 is
// a 40-image step, whose conv3 weight-gradient partial sums would need 18.6 MB in one buffer: the
// run is refused before anything is allocated, with the largest batch that fits (10).
test('a run over the GPU buffer limits is refused with the largest batch that fits, which trains', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  await openReady(page, '?backend=wasm&adapterLimit=10000000');
  await page.getByLabel('Quick-mode training images').fill('40');
  await page.getByLabel('Quick-mode test images').fill('10');
  await page.getByLabel('Batch size', { exact: true }).fill('64');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const banner = page.getByTestId('limits-banner');
  await expect(banner).toContainText(
    "This run was not started: at batch 40, the partial sums of conv3's weight gradient needs 18.6 MB in one buffer,",
  );
  await expect(banner).toContainText(
    'more than this GPU allows (10.0 MB). The largest batch that fits is 10.',
  );
  await expect(page.getByTestId('run-state')).toHaveText('error');

  await banner.getByRole('button', { name: 'Use batch 10' }).click();
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('10');
  await expect(page.getByTestId('limits-banner')).toHaveCount(0);
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 240_000 });
  await expect(page.getByTestId('metric-step')).toHaveText('4');
  expect(consoleErrors).toEqual([]);
});

// The same refusal on a real WebGPU device (SwiftShader, forced; Dawn reports 1 GiB limits, so the
// hook's cap is the smaller one): the check runs after the GPU self-test and before the run's
// whole-step check, so nothing of the run reaches the GPU.
test('on WebGPU the run is refused before it reaches the GPU, with the batch that fits', async ({
  page,
  consoleErrors,
}) => {
  // The self-test comes first (forced SwiftShader: minutes of shader compiling).
  test.setTimeout(600_000);
  await openReady(page, '?backend=webgpu&adapterLimit=10000000');
  await page.getByLabel('Quick-mode training images').fill('40');
  await page.getByLabel('Quick-mode test images').fill('10');
  await page.getByLabel('Batch size', { exact: true }).fill('64');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const banner = page.getByTestId('limits-banner');
  await expect(banner).toContainText('The largest batch that fits is 10.', { timeout: 480_000 });
  await expect(banner.getByRole('button', { name: 'Use batch 10' })).toBeEnabled();
  await expect(page.getByTestId('backend')).toContainText(/^webgpu/);
  await expect(page.getByTestId('run-state')).toHaveText('error');
  expect(consoleErrors).toEqual([]);
});
