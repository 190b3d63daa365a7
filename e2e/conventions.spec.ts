import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, openReady, tinyQuickRun } from './fixtures';

// Issue #17 part 4: a link to the setup, PNG export and a data table for every chart and the
// confusion matrix, and the main flow with the keyboard alone.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function expectPng(download: Download, name: string): Promise<void> {
  expect(download.suggestedFilename()).toBe(name);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.length).toBeGreaterThan(2000);
}

test('copy link gives the setup’s address, which opens that setup', async ({
  page,
  context,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReady(page);
  await page.getByRole('combobox', { name: 'Preset', exact: true }).selectOption('paper');
  // The address follows the setup a moment later (client/urlState.ts).
  await expect(page).toHaveURL(/preset=paper/);
  await page.getByRole('button', { name: 'Copy link to this setup' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(link).toContain('preset=paper');
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Preset', exact: true })).toHaveValue('paper');
  expect(consoleErrors).toEqual([]);
});

test('every chart and the confusion matrix save as PNG; each chart has a data table', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await openReady(page);
  await tinyQuickRun(page, 2);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });

  for (const [title, file] of [
    ['Training loss', 'loss'],
    ['Accuracy (%)', 'accuracy'],
    ['Test error (%)', 'error'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Save ${title} as PNG`, exact: true }).click(),
    ]);
    await expectPng(download, `${file}.png`);
  }
  // The text alternative: the plotted values, one row per point (8 steps; 2 epoch-end tests).
  const panel = page.getByTestId('loss-chart');
  await panel.getByText('Data table').click();
  const loss = page.getByTestId('loss-table');
  await expect(loss.locator('caption')).toHaveText('Training loss: the plotted values');
  await expect(loss.locator('thead th')).toHaveText(['Step', /loss/i, /loss/i, /learning rate/i]);
  await expect(loss.locator('tbody tr')).toHaveCount(8);
  await page.getByTestId('epoch-charts').getByText('Data table').first().click();
  await expect(page.getByTestId('accuracy-table').locator('tbody tr')).not.toHaveCount(0);

  await page.getByText('Test set: what it gets right and wrong').click();
  await page.getByRole('button', { name: 'Predict the test images' }).click();
  await expect(page.getByTestId('confusion')).toBeVisible({ timeout: 120_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save Confusion matrix as PNG', exact: true }).click(),
  ]);
  await expectPng(download, 'confusion-matrix.png');
  expect(consoleErrors).toEqual([]);
});

/** Presses Tab until `target` has the focus (as a keyboard user would), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((e) => e === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached by Tab: ${target}`);
}

async function typeInto(page: Page, field: Locator, value: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

test('the main flow with the keyboard alone: set up, train, look at a sample, save a chart', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await openReady(page);
  await page.locator('body').focus();
  await typeInto(page, page.getByLabel('Quick-mode training images'), '100');
  await typeInto(page, page.getByLabel('Quick-mode test images'), '50');
  await typeInto(page, page.getByLabel('Batch size', { exact: true }), '25');
  await typeInto(page, page.getByLabel('Epochs', { exact: true }), '1');
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('25');
  // A toggle from the keyboard: Space on the dropout checkbox, then back.
  const dropout = page.getByRole('checkbox', { name: /dropout/i }).first();
  await tabTo(page, dropout);
  const was = await dropout.isChecked();
  await page.keyboard.press('Space');
  await expect(dropout).toBeChecked({ checked: !was });
  await page.keyboard.press('Space');
  await expect(dropout).toBeChecked({ checked: was });

  await tabTo(page, page.getByRole('button', { name: 'Train', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });

  // A sample: Enter opens it large, Escape closes it, the focus is back where it was.
  const sample = page.getByTestId('sample-grid').getByRole('button').first();
  await tabTo(page, sample);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Enlarged sample' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(sample).toBeFocused();

  const save = page.getByRole('button', { name: 'Save Training loss as PNG', exact: true });
  await tabTo(page, save);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await expectPng(download, 'loss.png');
  expect(consoleErrors).toEqual([]);
});
