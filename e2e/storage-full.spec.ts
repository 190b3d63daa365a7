import { test, expect, openReady, tinyQuickRun } from './fixtures';

// A full disk, for real: Chromium's DevTools protocol lowers this origin's storage quota to 2 MB,
// so IndexedDB refuses the run's checkpoint (the CIFAR preset's weights and momentum are ~43 MB)
// with a QuotaExceededError, while the small run records still fit.
test('a full storage quota: training goes on, the page says the checkpoint was not saved and what to do, the finished run is kept', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(page.url()).origin,
    quotaSize: 2 * 1024 * 1024,
  });
  await tinyQuickRun(page, 3);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(
    page.getByText(/storage for this site is full, so the run's checkpoint could not be saved/),
  ).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByText(/delete runs you no longer need in the Lab/).first()).toBeVisible();
  // Training went on to the end, and no checkpoint was ever reported as saved.
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  await expect(page.getByTestId('checkpoint-saved')).toHaveCount(0);

  // The finished run's record (a few kB) fitted: it is still listed after a reload.
  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(1);
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
