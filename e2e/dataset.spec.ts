import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, openReady } from './fixtures';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

test('the built-in CIFAR-10 is ready: 50,000 / 10,000, a sample grid and its source', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await expect(page.getByTestId('backend')).toContainText(/wasm|webgpu|webgl|cpu/);
  const samples = page.getByTestId('sample-grid').locator('img');
  expect(await samples.count()).toBeGreaterThanOrEqual(10);
  // Each sample is a real 32×32 picture the browser decoded.
  await expect
    .poll(() => samples.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth === 32)))
    .toBe(true);
  await expect(page.getByText(/JPEG/).first()).toBeVisible();
  // A sample enlarges on click, in a modal dialog that has the focus.
  const first = page.getByTestId('sample-grid').getByRole('button').first();
  await first.click();
  const dialog = page.getByRole('dialog', { name: 'Enlarged sample' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(first).toBeFocused();
  // Escape closes it too, and the focus goes back to the sample that opened it.
  const third = page.getByTestId('sample-grid').getByRole('button').nth(2);
  await third.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(third).toBeFocused();
  expect(consoleErrors).toEqual([]);
});

test('an official-format batch file from disk is accepted', async ({ page, consoleErrors }) => {
  await openReady(page);
  await page
    .getByLabel(/Load CIFAR-10 batches from disk/)
    .setInputFiles(path.join(fixtures, 'data_batch_1.bin'));
  // The loaded batch replaces the training set; the test set stays the built-in one.
  await expect(page.getByTestId('train-count')).toHaveText('100');
  await expect(page.getByTestId('test-count')).toHaveText('10000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a corrupt batch file is refused with a message and the previous data stays ready', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await page
    .getByLabel(/Load CIFAR-10 batches from disk/)
    .setInputFiles(path.join(fixtures, 'truncated.bin'));
  await expect(page.getByRole('alert')).toContainText(/not a whole number of CIFAR-10 records|truncated/i);
  await expect(page.getByTestId('train-count')).toHaveText('50000');
  await expect(page.getByTestId('test-count')).toHaveText('10000');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});
