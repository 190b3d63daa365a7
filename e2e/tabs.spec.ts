import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openReady, tinyQuickRun } from './fixtures';

// Several tabs of the app in one browser share its IndexedDB: each must keep its own run's
// checkpoint, hear what the others saved or deleted, and leave a run another tab trains alone.

/** A second tab, with its console errors collected like the first one's. */
async function newTab(context: BrowserContext, errors: string[]): Promise<Page> {
  const tab = await context.newPage();
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return tab;
}

async function openLab(tab: Page): Promise<void> {
  await tab.goto('/');
  await expect(tab.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
}

const runRow = (tab: Page, id: string) => tab.getByTestId('run-list').locator(`li[data-run-id="${id}"]`);

test("two tabs keep their own checkpoints, and a run training in one is not the other's to change", async ({
  page,
  context,
  consoleErrors,
}) => {
  const errors2: string[] = [];
  await openReady(page);
  await tinyQuickRun(page, 40);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('checkpoint-saved')).toBeVisible({ timeout: 120_000 });
  const liveId = (await page
    .getByTestId('run-list')
    .locator('li[data-status="training"]')
    .getAttribute('data-run-id'))!;

  const tab2 = await newTab(context, errors2);
  await openReady(tab2);
  // Tab 1's run is not interrupted: tab 2 offers nothing to resume (the Worker reads the
  // checkpoints right after the data is ready).
  await tab2.waitForTimeout(5000);
  await expect(tab2.getByTestId('resume-banner')).toHaveCount(0);
  // Tab 1 holds its run's lock: deleting it in tab 2 is refused, and the run stays.
  await expect(runRow(tab2, liveId)).toHaveCount(1);
  await runRow(tab2, liveId).getByRole('button', { name: 'Delete' }).click();
  await expect(tab2.getByRole('alert').filter({ hasText: 'training in another tab' })).toBeVisible();
  await expect(runRow(tab2, liveId)).toHaveCount(1);
  await expect(runRow(page, liveId)).toHaveCount(1);

  // A short run in tab 2 starts and ends: its checkpoint is its own, so tab 1's stays.
  await tinyQuickRun(tab2, 1);
  await tab2.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(tab2.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('resume-banner')).toContainText(/interrupted after step \d+/);
  expect(errors2).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("tabs keep each other's run lists true, and a deleted run stays deleted", async ({
  page,
  context,
  consoleErrors,
}) => {
  const errors2: string[] = [];
  await openLab(page);
  const tab2 = await newTab(context, errors2);
  await openLab(tab2);
  await page.getByLabel('Import experiment').setInputFiles('e2e/fixtures/experiment-v1.json');
  // Tab 2 hears of the import.
  await expect(tab2.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(2);
  // A tab that missed the news (no BroadcastChannel) still holds both runs.
  const stale = await newTab(context, errors2);
  await stale.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  await openLab(stale);
  await expect(stale.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(2);

  await runRow(page, 'fixture-run-1').getByRole('button', { name: 'Delete' }).click();
  await expect(runRow(tab2, 'fixture-run-1')).toHaveCount(0);
  // Pinning it in the stale tab does not bring it back: the run leaves that list too.
  await runRow(stale, 'fixture-run-1').getByRole('button', { name: 'Pin' }).click();
  await expect(runRow(stale, 'fixture-run-1')).toHaveCount(0);

  const name = runRow(tab2, 'fixture-run-2').getByLabel('Run name');
  await name.fill('renamed in tab 2');
  await name.blur();
  await expect(runRow(page, 'fixture-run-2').getByLabel('Run name')).toHaveValue('renamed in tab 2');

  await page.reload();
  await expect(page.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(1);
  await expect(runRow(page, 'fixture-run-2').getByLabel('Run name')).toHaveValue('renamed in tab 2');
  expect(errors2).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the database deleted under the page is let go, and the page says runs are no longer saved', async ({
  page,
  consoleErrors,
}) => {
  await openLab(page);
  await page.getByLabel('Import experiment').setInputFiles('e2e/fixtures/experiment-v1.json');
  await expect(page.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(2);
  // What clearing the site's data does: the open connection must close for the deletion to finish.
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('alexnet-lab');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve('error');
        req.onblocked = () => resolve('blocked');
      }),
  );
  expect(outcome).toBe('deleted');
  await expect(page.getByRole('alert').filter({ hasText: 'Saved runs were closed' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
