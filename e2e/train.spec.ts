import { test, expect, openReady } from './fixtures';

const num = async (page: import('@playwright/test').Page, id: string) =>
  Number(await page.getByTestId(id).textContent());

test('quick-mode training: steps rise, loss chart fills, pause/resume, test metrics, stop', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await expect(page.getByTestId('run-state')).toHaveText('idle');
  // Small batches give many steps to watch in a short run.
  await page.getByLabel('Batch size', { exact: true }).fill('50');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');

  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  const loss = await num(page, 'metric-loss');
  expect(loss).toBeGreaterThan(0);
  expect(loss).toBeLessThan(20);
  await expect(page.getByTestId('metric-throughput')).toHaveText(/^\d+(\.\d+)?$/);

  // Settings are locked during the run.
  await expect(page.getByLabel('Activation')).toBeDisabled();

  // Pause: the step count stops moving; Resume: it moves on.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  const pausedAt = await num(page, 'metric-step');
  await page.waitForTimeout(4000);
  expect(await num(page, 'metric-step')).toBe(pausedAt);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await expect.poll(() => num(page, 'metric-step'), { timeout: 120_000 }).toBeGreaterThan(pausedAt);

  // The loss chart holds one point per step.
  await expect
    .poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points')))
    .toBeGreaterThan(pausedAt);

  // The end of epoch 1 brings test accuracy and top-1/top-5 error.
  await expect(page.getByTestId('metric-test-acc')).toHaveText(/^\d+\.\d\d$/, { timeout: 180_000 });
  const top1 = await num(page, 'metric-top1-error');
  const top5 = await num(page, 'metric-top5-error');
  expect(top1).toBeGreaterThanOrEqual(0);
  expect(top1).toBeLessThanOrEqual(100);
  expect(top5).toBeLessThanOrEqual(top1);
  await expect(page.getByTestId('metric-train-acc')).toHaveText(/^\d+\.\d\d$/);
  await expect(page.getByTestId('epoch-charts')).toBeVisible();

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  await expect(page.getByLabel('Activation')).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});

test('toggles change the layer table at once, and the paper preset shows why 227', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  const table = page.getByTestId('layer-table');
  await expect(table.locator('tr[data-layer^="lrn"]')).toHaveCount(2);
  await page.getByLabel(/Local response normalisation/).uncheck();
  await expect(table.locator('tr[data-layer^="lrn"]')).toHaveCount(0);
  await page.getByLabel(/Dropout 0.5/).uncheck();
  await expect(table.locator('tr[data-layer^="drop"]')).toHaveCount(0);

  await page.getByLabel('Preset').selectOption('paper');
  await expect(table.locator('tr[data-layer="conv1"]')).toContainText('55 × 55 × 96');
  await expect(table.locator('tr[data-layer="conv1"]')).toContainText('34,944');
  await expect(page.getByTestId('input-size-note')).toContainText('54.25');
  const ungrouped = Number((await page.getByTestId('total-params').textContent())!.replace(/,/g, ''));
  await page.getByLabel(/Two-tower grouped/).check();
  await expect(table.locator('tr[data-layer="conv2"]')).toContainText('307,456');
  const grouped = Number((await page.getByTestId('total-params').textContent())!.replace(/,/g, ''));
  expect(grouped).toBeLessThan(ungrouped);
  await page.getByLabel('Pooling').selectOption('non-overlapping');
  await expect(table.locator('tr[data-layer="pool1"]')).toContainText('27 × 27 × 96');
  expect(consoleErrors).toEqual([]);
});

test('the accuracy recipe fills in its settings, and they stay editable', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Use the AlexNet-CIFAR recipe' }).click();
  await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('60');
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.02');
  await expect(page.getByLabel('Random horizontal flips')).toBeChecked();
  await expect(page.getByLabel(/Random crops/)).toBeChecked();
  await expect(page.getByLabel('Learning-rate schedule')).toHaveValue('cosine');
  await expect(page.getByLabel(/Quick mode/)).not.toBeChecked();
  await page.getByLabel(/PCA colour noise/).check();
  await expect(page.getByLabel(/PCA colour noise/)).toBeChecked();
  expect(consoleErrors).toEqual([]);
});
