import { test, expect, openReady, tinyQuickRun } from './fixtures';

test('a reload mid-run loses nothing: the run resumes from its last finished epoch', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await tinyQuickRun(page, 4);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // After the first epoch's evaluation the Worker saves a checkpoint.
  await expect(page.getByTestId('metrics')).toHaveAttribute('data-tensors-per-epoch', /^\d+/, {
    timeout: 120_000,
  });
  await page.waitForTimeout(1500);

  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  const banner = page.getByTestId('resume-banner');
  await expect(banner).toContainText(/interrupted after step \d+, with \d of 4 epochs finished/);
  const done = Number((await banner.textContent())!.match(/with (\d) of 4 epochs/)![1]);
  expect(done).toBeGreaterThanOrEqual(1);
  await banner.getByRole('button', { name: 'Resume the interrupted run' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  // Only the epochs after the checkpoint ran again.
  const epochsRun = (await page.getByTestId('metrics').getAttribute('data-tensors-per-epoch'))!.split(',');
  expect(epochsRun).toHaveLength(4 - done);
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);

  // The finished run's checkpoint is gone: a reload offers nothing to resume.
  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('resume-banner')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
