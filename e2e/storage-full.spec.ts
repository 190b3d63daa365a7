import { test, expect, openReady, tinyQuickRun } from './fixtures';

// A full disk, for real: Chromium's DevTools protocol lowers this origin's storage quota to 2 MB,
// so IndexedDB refuses the run's checkpoint (the CIFAR preset's weights and momentum are ~43 MB)
// with a QuotaExceededError, while the small run records still fit. The quota is lowered before
// the page first opens its storage: lowered later, it takes effect only some of the time.
test('a full storage quota: training goes on, the page says the checkpoint was not saved and what to do, the finished run is kept', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(baseURL!).origin,
    quotaSize: 2 * 1024 * 1024,
  });
  await openReady(page);
  // Epochs enough that the warning is seen while the run still trains (it goes when the run ends).
  await tinyQuickRun(page, 8);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const warning = page.getByTestId('run-warning');
  await expect(warning).toContainText(
    /storage for this site is full, so the run's checkpoint could not be saved/,
    { timeout: 120_000 },
  );
  await expect(warning).toContainText(/delete runs you no longer need in the Lab/);
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
