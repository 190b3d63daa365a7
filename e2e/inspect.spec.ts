// Look inside the network: classify a dropped photo, refuse a text file, feature maps of every
// conv/LRN/pool/FC layer of both presets, save → reload → load gives the same top-5, and the
// language switch. No training: the pretrained model that ships with the app classifies (the page
// says so).

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dropFile, expect, openReady, test } from './fixtures';

const PHOTO = readFileSync('e2e/fixtures/images/ship-640x480.png');
const SHOWN_KINDS = ['conv', 'lrn', 'maxpool', 'dense'];

/** The top-5 rows as [class, probability] pairs. */
async function top5(page: Page): Promise<[string, number][]> {
  const rows = page.getByTestId('top5').locator('li');
  await expect(rows).toHaveCount(5);
  return rows.evaluateAll((lis) =>
    lis.map(
      (li) => [li.getAttribute('data-class') ?? '', Number(li.getAttribute('data-prob'))] as [string, number],
    ),
  );
}

/** Names of the layer-table rows whose kind the feature-map view shows, in order. */
async function expectedLayers(page: Page): Promise<string[]> {
  return page
    .getByTestId('layer-table')
    .locator('tr[data-layer]')
    .evaluateAll(
      (rows, kinds) =>
        rows
          .filter((r) => kinds.includes(r.querySelectorAll('td')[1]?.textContent ?? ''))
          .map((r) => r.getAttribute('data-layer') ?? ''),
      SHOWN_KINDS,
    );
}

test('a dropped photo gets five classes; a text file gets a plain-words alert', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await dropFile(page, 'drop-zone', 'ship.png', 'image/png', PHOTO);
  const rows = await top5(page);
  const probs = rows.map(([, p]) => p);
  expect([...probs].sort((a, b) => b - a)).toEqual(probs);
  expect(rows.every(([name]) => name.length > 0)).toBe(true);
  // All ten probabilities sum to 1; the five shown are the largest of them.
  expect(Number(await page.getByTestId('top5').getAttribute('data-total'))).toBeCloseTo(1, 4);
  expect(probs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.5 - 1e-6);
  // Before any run the app's own pretrained model answers, and says so.
  await expect(page.getByText(/pretrained: \d+ epochs?, /).first()).toBeVisible();
  // The page-level dataset drop did not take the image.
  await expect(page.getByTestId('train-count')).toHaveText('50000');

  await dropFile(page, 'drop-zone', 'notes.txt', 'text/plain', Buffer.from('not a picture at all\n'));
  await expect(page.getByRole('alert').filter({ hasText: /not an image/ })).toBeVisible();
  // A PNG whose header says 12,000×12,000 is refused before decoding.
  const huge = Buffer.from(PHOTO);
  huge.writeUInt32BE(12_000, 16);
  huge.writeUInt32BE(12_000, 20);
  await dropFile(page, 'drop-zone', 'huge.png', 'image/png', huge);
  await expect(page.getByRole('alert').filter({ hasText: /12000×12000 pixels/ })).toBeVisible();
  // A refused picture clears the previous one's top-5, so no stale answer sits under the error.
  await expect(page.getByTestId('top5').locator('li')).toHaveCount(0);
  await expect(page.getByTestId('run-state')).toHaveText('idle');
  // No leftover "drop CIFAR batches" hint from the page-level drop target.
  await expect(page.locator('.drop-hint')).toHaveCount(0);

  // Paste: an image on the clipboard is classified too.
  await page.evaluate((b64) => {
    const dt = new DataTransfer();
    dt.items.add(
      new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }),
    );
    document.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, PHOTO.toString('base64'));
  // The huge picture's alert was showing; a pasted image that classifies clears it.
  await expect(page.getByRole('alert').filter({ hasText: /not an image|pixels/ })).toHaveCount(0);
  await expect(page.getByTestId('top5').locator('li')).toHaveCount(5);
  expect(consoleErrors).toEqual([]);
});

test('feature maps cover every conv, LRN, pool and FC layer of both presets', async ({ page }) => {
  await openReady(page);
  for (const preset of ['cifar', 'paper']) {
    await page.getByLabel('Preset').selectOption(preset);
    const want = await expectedLayers(page);
    expect(want.length).toBeGreaterThan(8);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const maps = page.getByTestId('feature-maps');
    await expect(maps.locator(':scope > [data-layer]')).toHaveCount(want.length, { timeout: 120_000 });
    await expect
      .poll(
        () =>
          maps
            .locator(':scope > [data-layer]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer'))),
        {
          timeout: 120_000,
        },
      )
      .toEqual(want);
    // Every layer drew something: a canvas per channel, or a strip for FC layers.
    const canvases = await maps
      .locator(':scope > [data-layer]')
      .evaluateAll((els) => els.map((e) => e.querySelectorAll('canvas').length));
    expect(canvases.every((n) => n > 0)).toBe(true);
    if (preset === 'paper')
      await expect(page.getByRole('img', { name: '227×227, upscaled inside the network' })).toBeVisible();
  }
});

test('save, reload, load: the same top-5 for the same photo', async ({ page }) => {
  await openReady(page);
  await page.getByLabel('Seed', { exact: true }).fill('5');
  await dropFile(page, 'drop-zone', 'ship.png', 'image/png', PHOTO);
  await expect(page.getByTestId('inspect-model')).toContainText('seed 5');
  const before = await top5(page);

  const downloads: string[] = [];
  page.on('download', async (d) => {
    const path = test.info().outputPath(d.suggestedFilename());
    await d.saveAs(path);
    downloads.push(path);
  });
  await page.getByRole('button', { name: 'Save model' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  await expect(page.getByTestId('model-file-note')).toContainText('.json');

  await openReady(page);
  await dropFile(page, 'drop-zone', 'ship.png', 'image/png', PHOTO);
  await expect(page.getByTestId('inspect-model')).toContainText('seed 1');
  expect(await top5(page)).not.toEqual(before);

  // A broken pair is refused and nothing else changes.
  await page.getByTestId('model-picker').setInputFiles([downloads.find((p) => p.endsWith('.json'))!]);
  await expect(page.getByRole('alert').filter({ hasText: /both files/ })).toBeVisible();

  await page.getByTestId('model-picker').setInputFiles(downloads);
  await expect(page.getByTestId('model-file-note')).toContainText('Loaded');
  await expect(page.getByTestId('inspect-model')).toContainText('loaded from a file');
  await expect.poll(() => top5(page)).toEqual(before);

  // The loaded weights train further: Continue starts a run from them, not from a fresh model.
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Continue training this model' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the inspect views switch to 简体中文 and back', async ({ page }) => {
  await openReady(page);
  await expect(page.getByRole('heading', { name: 'Look inside the network' })).toBeVisible();
  await dropFile(page, 'drop-zone', 'ship.png', 'image/png', PHOTO);
  const firstName = page.getByTestId('top5').locator('.top5-name').first();
  await expect(firstName).toHaveText(/^[a-z]+$/);
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { name: '看看网络内部' })).toBeVisible();
  await expect(firstName).toHaveText(/^[\u4e00-\u9fff]+$/);
  await expect(page.getByText('预训练：', { exact: false }).first()).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Look inside the network' })).toBeVisible();
  await expect(firstName).toHaveText(/^[a-z]+$/);
});

test('About opens and Escape closes it; projector mode enlarges the charts and is remembered', async ({
  page,
}) => {
  await openReady(page);
  await page.getByRole('button', { name: 'About AlexNet' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('six times faster');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The live charts draw on a canvas, which CSS cannot enlarge: they are rebuilt larger.
  const plotHeight = () =>
    page
      .getByTestId('loss-chart')
      .locator('.uplot')
      .evaluate((e) => e.getBoundingClientRect().height);
  await expect.poll(plotHeight).toBeGreaterThan(100);
  const normal = await plotHeight();
  await page.getByLabel('Projector mode').check();
  await expect(page.locator('html')).toHaveClass(/projector/);
  await expect.poll(plotHeight).toBeGreaterThan(normal * 1.2);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/projector/);
  await expect(page.getByLabel('Projector mode')).toBeChecked();
});

test('during and after a short run: latest weights classify, filters, test-set confusion matrix', async ({
  page,
}) => {
  await openReady(page);
  await page.getByLabel('Batch size', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  // The Worker answers between training steps, with the run's current weights.
  await dropFile(page, 'drop-zone', 'ship.png', 'image/png', PHOTO);
  await expect(page.getByTestId('inspect-model')).toContainText('training now');
  await expect(page.getByTestId('top5').locator('li')).toHaveCount(5);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });
  // The run's end refreshes the view: the model is kept, not disposed.
  await expect(page.getByTestId('inspect-model')).toContainText('trained');

  await page.getByText('First-layer filters').click();
  await page.getByRole('button', { name: 'Show the filters' }).click();
  await expect(page.getByTestId('filters').locator('canvas')).toHaveCount(64);

  await page.getByText('Test set: what it gets right and wrong').click();
  await page.getByRole('button', { name: 'Predict the test images' }).click();
  const matrix = page.getByTestId('confusion');
  await expect(matrix).toBeVisible({ timeout: 120_000 });
  const total = await matrix.locator('tbody tr').evaluateAll((rows) =>
    rows.reduce(
      (s, r) =>
        s +
        Array.from(r.querySelectorAll('td'))
          .slice(0, 10)
          .reduce((a, td) => a + Number(td.textContent), 0),
      0,
    ),
  );
  expect(total).toBe(500); // quick mode tests on 500 images
  const all = await page.getByTestId('gallery').locator('li').count();
  await page.getByLabel('Mistakes only').check();
  await expect.poll(() => page.getByTestId('gallery').locator('li.right').count()).toBe(0);
  await page.getByLabel('Class', { exact: true }).selectOption('ship');
  expect(await page.getByTestId('gallery').locator('li').count()).toBeLessThanOrEqual(all);
  // A gallery image opens its feature maps, with its true class.
  await page.getByLabel('Mistakes only').uncheck();
  await page.getByTestId('gallery').locator('button').first().click();
  await expect(page.getByText('true class: ship')).toBeVisible();
});
