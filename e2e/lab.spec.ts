import { readFileSync } from 'node:fs';
import { test, expect, openReady } from './fixtures';
import { parseCsv } from '../src/lab/csv';

// Tiny runs: 20 training and 20 test images, batch 10, 1 epoch — a few seconds each on wasm.
async function tinySettings(page: import('@playwright/test').Page) {
  await page.getByRole('spinbutton', { name: 'Batch size', exact: true }).fill('10');
  await page.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('1');
  await page.getByRole('spinbutton', { name: 'Quick-mode training images', exact: true }).fill('20');
  await page.getByRole('spinbutton', { name: 'Quick-mode test images', exact: true }).fill('20');
}

test('ablation lab: queue, compare, scorecard, CSV, reload, export and import', async ({
  page,
  browser,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await openReady(page);
  await tinySettings(page);
  const queue = page.getByTestId('queue');
  await queue.getByRole('combobox', { name: 'Variants', exact: true }).selectOption('one-at-a-time');
  await queue.getByRole('button', { name: 'Queue ablation' }).click();
  // Six variants queued; keep three (baseline, no LRN, tanh) to stay quick.
  await expect(queue.locator('[data-queue-item]')).toHaveCount(6);
  for (const name of ['no dropout', 'non-overlapping pooling', 'sigmoid'])
    await queue.getByRole('button', { name: `Cancel ${name}` }).click();
  await expect(queue.locator('[data-status="cancelled"]')).toHaveCount(3);
  await expect(queue.locator('[data-status="done"]')).toHaveCount(3, { timeout: 180_000 });
  await expect(queue).toHaveAttribute('data-active', 'false');

  // A row per run in the compare table, with final errors as numbers.
  const rows = page.getByTestId('compare-table').locator('tbody tr[data-run-id]');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('[data-col="final-top1"]')).toHaveText(/^\d+\.\d \/ \d+\.\d$/);
  // One seed: the LRN claim has both runs but no spread, so it is inconclusive; pooling has no runs.
  const card = page.getByTestId('scorecard');
  await expect(card.locator('tr[data-verdict]')).toHaveCount(7);
  await expect(card.locator('tr[data-claim="lrn-error"]')).toHaveAttribute('data-verdict', 'inconclusive');
  await expect(card.locator('tr[data-claim="relu-speed"]')).toHaveAttribute('data-verdict', 'inconclusive');
  await expect(card.locator('tr[data-claim="pool-top1"]')).toHaveAttribute('data-verdict', 'missing');
  // The test column names the test's inputs: one paired seed is too few for a t-test.
  await expect(card.locator('th').filter({ hasText: 'paired t-test' })).toHaveCount(1);
  await expect(card.locator('tr[data-claim="lrn-error"] [data-col="test"]')).toHaveText(
    'n = 1: needs 2 seeds',
  );
  await expect(card.locator('tr[data-claim="pool-top1"] [data-col="test"]')).toHaveText('—');

  // The comparison CSV starts with a UTF-8 BOM (spreadsheets then read it as UTF-8) and parses:
  // a header and a row per run.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Comparison CSV' }).click(),
  ]);
  const csvBytes = readFileSync((await csvDownload.path())!);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(csvBytes.toString('utf8'));
  expect(csv[0][0]).toBe('run_id');
  expect(csv).toHaveLength(4);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-id')));
  expect(
    csv
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual([...ids].sort());

  // The curves: one series per run; SVG and PNG downloads are real images.
  const chart = page.getByTestId('compare-chart');
  await expect(chart).toHaveAttribute('data-series', '3');
  await chart.getByRole('combobox', { name: 'Metric', exact: true }).selectOption('top1');
  await chart.getByRole('combobox', { name: 'x-axis', exact: true }).selectOption('seconds');
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Save Curves: Top-1 error as SVG' }).click(),
  ]);
  // One path per run, with the run's name as its title.
  const svgFile = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svgFile).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgFile.match(/<path /g)).toHaveLength(3);
  // A run hidden from the legend (click its entry) is left out of the saved file.
  await chart.locator('.u-legend .u-series').nth(1).click();
  const [svgHidden] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Save Curves: Top-1 error as SVG' }).click(),
  ]);
  expect(readFileSync((await svgHidden.path())!, 'utf8').match(/<path /g)).toHaveLength(2);
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    chart.getByRole('button', { name: 'Save Curves: Top-1 error as PNG' }).click(),
  ]);
  expect(
    readFileSync((await pngDownload.path())!)
      .subarray(1, 4)
      .toString('latin1'),
  ).toBe('PNG');

  const [expDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export experiment' }).click(),
  ]);
  const exported = readFileSync((await expDownload.path())!, 'utf8');

  // The runs survive a reload (IndexedDB).
  await page.reload();
  await expect(page.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(3);
  await expect(page.getByTestId('compare-table').locator('tbody tr[data-run-id]')).toHaveCount(3);

  // A fresh browser (no saved runs) imports the exported experiment, then a hand-written fixture.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors2: string[] = [];
  page2.on('console', (m) => m.type() === 'error' && errors2.push(m.text()));
  await page2.goto('/');
  await expect(page2.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
  await expect(page2.getByTestId('run-list').locator('li[data-run-id]')).toHaveCount(0);
  const importer = page2.getByLabel('Import experiment');
  await importer.setInputFiles({
    name: 'exp.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page2.getByTestId('compare-table').locator('tbody tr[data-run-id]')).toHaveCount(3);
  await importer.setInputFiles('e2e/fixtures/experiment-v1.json');
  await expect(page2.getByTestId('compare-table').locator('tbody tr[data-run-id]')).toHaveCount(5);
  await expect(page2.getByTestId('compare-table').locator('tr[data-run-id="fixture-run-2"]')).toContainText(
    '90.0',
  );
  // A foreign file is refused in plain words; the runs stay.
  await importer.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"a":1}'),
  });
  await expect(page2.getByRole('alert')).toContainText('not an AlexNet Lab experiment');
  await expect(page2.getByTestId('compare-table').locator('tbody tr[data-run-id]')).toHaveCount(5);
  expect(errors2).toEqual([]);
  await other.close();
  expect(consoleErrors).toEqual([]);
});

test('the setup lives in the URL and a change is written back', async ({ page, consoleErrors }) => {
  await page.goto('/?act=tanh&lrn=0&ep=3&plan=grid&seeds=2');
  await expect(page.getByRole('combobox', { name: 'Activation', exact: true })).toHaveValue('tanh');
  await expect(page.getByLabel(/Local response normalisation/)).not.toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Epochs', exact: true })).toHaveValue('3');
  await expect(
    page.getByTestId('queue').getByRole('combobox', { name: 'Variants', exact: true }),
  ).toHaveValue('grid');
  await expect(
    page.getByTestId('queue').getByRole('spinbutton', { name: 'Runs per variant', exact: true }),
  ).toHaveValue('2');
  // A change is written back into the URL.
  await page.getByRole('combobox', { name: 'Pooling', exact: true }).selectOption('non-overlapping');
  await expect.poll(() => new URL(page.url()).searchParams.get('pool')).toBe('non');
  expect(consoleErrors).toEqual([]);
});

test('bad values in the URL fall back to defaults with a message', async ({ page, consoleErrors }) => {
  await page.goto('/?act=swish&lr=99&ep=2');
  await expect(page.getByRole('alert')).toContainText('act, lr');
  await expect(page.getByRole('combobox', { name: 'Activation', exact: true })).toHaveValue('relu');
  await expect(page.getByRole('spinbutton', { name: 'Epochs', exact: true })).toHaveValue('2');
  expect(consoleErrors).toEqual([]);
});
