import { test, expect, openReady } from './fixtures';

// The training guard (train/guard.ts). The test hook ?nanAt=3:conv3 (test builds only) turns
// conv3's kernel to NaN before step 3, as a broken GPU kernel or a diverging update would leave
// it. The guard must stop the run at that step, name conv3, keep what was drawn and the
// checkpoint of epoch 1, and go on from that checkpoint on WebAssembly in a fresh Worker, where
// the hook is not sent again.
test('a NaN mid-run is reported with its step and layer, and the run goes on on WebAssembly', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(360_000);
  await openReady(page, '?backend=wasm&nanAt=3:conv3');
  // 4 images, batch 2: two steps an epoch, the checkpoint after step 2, the NaN before step 3.
  await page.getByLabel('Quick-mode training images').fill('4');
  await page.getByLabel('Quick-mode test images').fill('2');
  await page.getByLabel('Batch size', { exact: true }).fill('2');
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const banner = page.getByTestId('guard-banner');
  await expect(banner).toContainText(
    'Training stopped at step 3: the weights of conv3 were not numbers (NaN or infinite) before that step.',
    { timeout: 240_000 },
  );
  await expect(banner).toHaveAttribute('data-step', '3');
  await expect(banner).toHaveAttribute('data-layer', 'conv3');
  await expect(page.getByTestId('run-state')).toHaveText('error');
  // Never silently, and never on: the two good steps are drawn, the bad one is not.
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('metric-step')).toHaveText('2');

  await banner.getByRole('button', { name: 'Continue on WebAssembly from the last checkpoint' }).click();
  await expect(page.getByTestId('guard-banner')).toHaveCount(0);
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).toContainText('wasm');
  // It goes on by itself from epoch 1's checkpoint (step 2) and finishes the 3 epochs.
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 240_000 });
  await expect(page.getByTestId('metric-step')).toHaveText('6');
  await expect(page.getByTestId('guard-banner')).toHaveCount(0);
  const loss = Number(await page.getByTestId('metric-loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
  expect(consoleErrors).toEqual([]);
});
