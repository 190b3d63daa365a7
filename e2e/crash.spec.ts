import { test, expect, openReady } from './fixtures';

test('a Worker crash is reported, a fresh Worker takes over, and Train works again', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });

  await page.evaluate(() =>
    (window as unknown as { __alexnetLab: { crashWorker(): void } }).__alexnetLab.crashWorker(),
  );
  await expect(page.getByTestId('run-state')).toHaveText('error');
  await expect(page.getByRole('alert').filter({ hasText: /worker crashed/ })).toBeVisible();

  // The page stays usable: the new Worker reloads the data and trains.
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  expect(consoleErrors).toEqual([]);
});
