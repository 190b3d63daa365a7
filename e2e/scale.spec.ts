import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { bigExperiment } from './bigExperiment';

// A class's worth of runs: thousands of runs imported off the page's thread with progress and
// Cancel, a paged list that reloads fast, bulk delete with Undo, and the version-1 database
// migrated to summaries.

const list = (page: Page) => page.getByTestId('run-list');
const rows = (page: Page) => list(page).locator('li[data-run-id]');

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await expect(list(page)).toHaveAttribute('data-loaded', 'true');
}

async function importBuffer(
  page: Page,
  name: string,
  buffer: Buffer,
  label = 'Import experiment',
): Promise<void> {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('a large import shows its progress and can be cancelled, leaving nothing behind', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await openLab(page);
  await importBuffer(page, 'class.json', bigExperiment(5000, 100));
  const progress = page.getByTestId('import-progress');
  await expect(progress).toContainText(/class\.json: \d+ of 5000 runs written/);
  // The page is not frozen meanwhile: it answers at once.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'import cancelled' })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(rows(page)).toHaveCount(0);
  await page.reload();
  await expect(list(page)).toHaveAttribute('data-loaded', 'true');
  await expect(rows(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('an import past the stated capacity is refused in plain words, in both languages', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  await openLab(page);
  await importBuffer(page, 'too-many.json', bigExperiment(10_001, 1));
  await expect(page.getByRole('alert')).toContainText(
    'too-many.json: The lab holds at most 10000 runs; with this file it would hold 10001.',
  );
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel('Language').selectOption('zh');
  await importBuffer(page, 'too-many.json', bigExperiment(10_001, 1), '导入实验');
  await expect(page.getByRole('alert')).toContainText('实验室最多保存 10000 次运行');
  expect(consoleErrors).toEqual([]);
});

test('many runs: a paged list after a reload, bulk delete with Undo, and other tabs told', async ({
  page,
  context,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await openLab(page);
  await importBuffer(page, 'class.json', bigExperiment(3000));
  await expect(page.getByRole('status').filter({ hasText: '3000 runs added' })).toBeVisible({
    timeout: 60_000,
  });
  // While the 3000 runs are read, the list says so, and never that there are no runs.
  await page.addInitScript(() => {
    const seen = { loading: false, empty: false };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="run-list"]')?.textContent ?? '';
      if (text.includes('Reading the runs saved in this browser')) seen.loading = true;
      if (text.includes('No runs yet')) seen.empty = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(list(page)).toHaveAttribute('data-loaded', 'true', { timeout: 30_000 });
  await expect(list(page).getByRole('heading')).toHaveText('Runs (3000)');
  expect(await page.evaluate(() => (window as unknown as { __seen: object }).__seen)).toEqual({
    loading: true,
    empty: false,
  });
  // One page of rows, not 3000.
  await expect(rows(page)).toHaveCount(50);
  await expect(list(page).getByTestId('pager-status')).toHaveText('Page 1 of 60');
  await list(page).getByRole('button', { name: 'Next page' }).click();
  await expect(list(page).getByTestId('pager-status')).toHaveText('Page 2 of 60');
  await expect(rows(page)).toHaveCount(50);
  // The results table is paged too; the charts draw the first 24 runs only.
  await expect(page.getByTestId('compare-table').locator('tbody tr[data-run-id]')).toHaveCount(50);
  await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-series', '24');

  const tab2 = await context.newPage();
  await openLab(tab2);
  await expect(list(tab2).getByRole('heading')).toHaveText('Runs (3000)');

  // Select all, delete: the list empties at once and offers Undo; Undo brings all back.
  await list(page).getByLabel('Select all runs (3000)').check();
  await list(page).getByRole('button', { name: 'Delete selected (3000)' }).click();
  await expect(list(page).getByRole('heading')).toHaveText('Runs (0)');
  const undo = page.getByTestId('undo-delete');
  await expect(undo).toContainText('3000 runs deleted');
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(list(page).getByRole('heading')).toHaveText('Runs (3000)');
  await expect(undo).toHaveCount(0);

  // Two ticked runs deleted for good once Undo is over; the other tab hears it.
  await list(page).getByRole('button', { name: 'Previous page' }).click();
  const first = rows(page).nth(0);
  const second = rows(page).nth(1);
  const ids = [await first.getAttribute('data-run-id'), await second.getAttribute('data-run-id')];
  await first.locator('.run-mark').check();
  await second.locator('.run-mark').check();
  await list(page).getByRole('button', { name: 'Delete selected (2)' }).click();
  await expect(list(page).getByRole('heading')).toHaveText('Runs (2998)');
  // Not yet deleted for the other tab: Undo is still possible.
  await expect(list(tab2).getByRole('heading')).toHaveText('Runs (3000)');
  await expect(undo).toHaveCount(0, { timeout: 15_000 });
  await expect(list(tab2).getByRole('heading')).toHaveText('Runs (2998)');
  await page.reload();
  await expect(list(page)).toHaveAttribute('data-loaded', 'true');
  await expect(list(page).getByRole('heading')).toHaveText('Runs (2998)');
  for (const id of ids) await expect(list(page).locator(`li[data-run-id="${id}"]`)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('runs saved by the previous version (one record with all steps) are migrated to summaries', async ({
  page,
  consoleErrors,
}) => {
  const fixture = JSON.parse(readFileSync('e2e/fixtures/experiment-v1.json', 'utf8'));
  // A blank page of the app's origin writes the old database before the app first opens it.
  await page.route('**/seed.html', (r) =>
    r.fulfill({ body: '<!doctype html><title>seed</title>', contentType: 'text/html' }),
  );
  await page.goto('/seed.html');
  await page.evaluate(
    (runs) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('alexnet-lab', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('runs', { keyPath: 'id' });
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const tx = req.result.transaction('runs', 'readwrite');
          for (const r of runs) tx.objectStore('runs').put(r);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
    fixture.runs,
  );
  await openLab(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('compare-table').locator('tr[data-run-id="fixture-run-2"]')).toContainText(
    '90.0',
  );
  // The curves read the steps from their own store.
  await expect(page.getByTestId('compare-chart')).toHaveAttribute('data-series', '2');
  const stored = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; hasSteps: boolean; stepCount: number }>((resolve) => {
        const req = indexedDB.open('alexnet-lab');
        req.onsuccess = () => {
          const d = req.result;
          const tx = d.transaction(['runs', 'steps']);
          const head = tx.objectStore('runs').get('fixture-run-1');
          const steps = tx.objectStore('steps').get('fixture-run-1');
          tx.oncomplete = () => {
            resolve({
              version: d.version,
              stores: [...d.objectStoreNames],
              hasSteps: 'steps' in head.result,
              stepCount: steps.result.steps.step.length,
            });
            d.close();
          };
        };
      }),
  );
  expect(stored).toEqual({ version: 2, stores: ['runs', 'steps'], hasSteps: false, stepCount: 2 });
  expect(consoleErrors).toEqual([]);
});

test('at start the stored summaries are read and checked off the page; a damaged one is left out', async ({
  page,
  consoleErrors,
}) => {
  await openLab(page);
  await importBuffer(page, 'three.json', bigExperiment(3));
  await expect(page.getByRole('status').filter({ hasText: '3 runs added' })).toBeVisible();
  // A record no version of the app wrote: it must not reach the list, nor stop the others.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('alexnet-lab');
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const tx = req.result.transaction('runs', 'readwrite');
          tx.objectStore('runs').put({
            id: 'broken',
            name: 5,
            settings: 'none',
            evals: [{ top1Error: 'x' }],
          });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
        };
      }),
  );
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.reload();
  await expect(list(page)).toHaveAttribute('data-loaded', 'true');
  await expect(list(page).getByRole('heading')).toHaveText('Runs (3)');
  await expect(rows(page)).toHaveCount(3);
  await expect(list(page).locator('li[data-run-id="broken"]')).toHaveCount(0);
  // The reading Worker (worker/readRuns.ts), not the page, read them.
  expect(workers.some((u) => /readRuns/.test(u))).toBe(true);
  expect(consoleErrors).toEqual([]);
});
