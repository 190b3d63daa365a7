import { test, expect, openReady } from './fixtures';

test('a lost GPU device is reported, and training moves to WebAssembly with the page intact', async ({
  page,
  consoleErrors,
}) => {
  // Here the only WebGPU adapter is SwiftShader: forced with ?backend=webgpu, it is a real
  // WebGPU device whose loss the Worker must notice.
  await openReady(page, '?backend=webgpu&testhooks');
  await expect(page.getByTestId('backend')).toContainText('webgpu');
  await page.getByLabel('Batch size', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await page.waitForTimeout(2000);

  await page.evaluate(() =>
    (window as unknown as { __alexnetLab: { loseDevice(): void } }).__alexnetLab.loseDevice(),
  );
  await expect(page.getByRole('alert').filter({ hasText: /GPU was lost/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('run-state')).toHaveText('error');

  // A fresh Worker on wasm: the data comes back and Train works again.
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).toContainText('wasm');
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  expect(consoleErrors).toEqual([]);
});
