import { test, expect, openReady } from './fixtures';

// The GPU self-test and its fallback chain in headless Chromium, on SwiftShader (forced with
// ?backend=webgpu). The test hook (?corruptKernel=LRN, only in test builds) makes our LRN kernel
// negate its output: the self-test must catch it, say so in the header, replace it by the stock
// LRN, keep the rest of ours, and the run must still train on webgpu (its whole step passes).
test('a wrong GPU kernel is caught, named in the header, replaced by the stock one, and the run trains', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(600_000);
  await openReady(page, '?backend=webgpu&corruptKernel=LRN');
  const selfTest = page.getByTestId('self-test');
  await expect(selfTest).toContainText(
    'our LRN kernel gave wrong results on this GPU (max error 2.0); using the standard one',
    { timeout: 300_000 },
  );
  // Only LRN: every other kernel of ours passed.
  await expect(selfTest).not.toContainText('LRNGrad');
  await expect(selfTest).not.toContainText('Conv2D');
  await expect(selfTest.getByRole('button', { name: 'Check the GPU again' })).toBeEnabled();
  await expect(page.getByTestId('backend')).toContainText(/^webgpu/);

  // A run small enough for a software GPU: 4 images, batch 2, one epoch. Before it trains, its
  // whole step is checked against WebAssembly, passes with the stock LRN, and stays on webgpu.
  await page.getByLabel('Quick-mode training images').fill('4');
  await page.getByLabel('Quick-mode test images').fill('2');
  await page.getByLabel('Batch size', { exact: true }).fill('2');
  await page.getByLabel('Epochs', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 480_000 });
  await expect
    .poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points')))
    .toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('backend')).toContainText(/^webgpu/);
  await expect(selfTest).toContainText('our LRN kernel gave wrong results');
  expect(consoleErrors).toEqual([]);
});
