import type { Page } from '@playwright/test';
import { expect, openReady, test } from './fixtures';
import { buildSpec, defaultConfig } from '../src/model/spec';
import { computeShapes } from '../src/model/shapes';
import { shapeText } from '../src/ui/layers/shapeText';
import type { PresetId } from '../src/shared/types';

// Issue #17 part 1: the network drawn from the layer spec, one block per entry, changed at once by
// presets and toggles; hover or focus for the numbers, a click for that layer's feature maps.

/** The picture writes shapes as the paper's figure does: "55×55×96". */
const compact = (shape: number[]) => shapeText(shape).replaceAll(' × ', '×');
const picture = (page: Page) => page.getByTestId('network-picture');
const block = (page: Page, name: string) => picture(page).locator(`[data-layer="${name}"]`);

async function expectEveryLayer(page: Page, preset: PresetId): Promise<void> {
  const spec = buildSpec(defaultConfig(preset));
  const shapes = computeShapes(spec);
  await expect(picture(page)).toHaveAttribute('data-preset', preset);
  await expect(picture(page).locator('[data-layer]')).toHaveCount(spec.layers.length);
  expect(
    await picture(page)
      .locator('[data-layer]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer'))),
  ).toEqual(spec.layers.map((l) => l.name));
  for (const s of shapes) {
    const b = block(page, s.name);
    await expect(b).toHaveAttribute('data-kind', s.kind);
    if (s.kind === 'activation')
      await expect(b).toHaveAttribute('aria-label', new RegExp(compact(s.outShape)));
    else await expect(b.getByTestId('net-shape')).toHaveText(compact(s.outShape));
  }
}

test('every layer of both presets is drawn with its output shape', async ({ page, consoleErrors }) => {
  await openReady(page);
  await expectEveryLayer(page, 'cifar');
  // Anchors from the README's table, independent of the code under test.
  await expect(block(page, 'conv1').getByTestId('net-shape')).toHaveText('32×32×64');
  await expect(block(page, 'pool5').getByTestId('net-shape')).toHaveText('3×3×256');
  await page.getByRole('combobox', { name: 'Preset', exact: true }).selectOption('paper');
  await expectEveryLayer(page, 'paper');
  await expect(block(page, 'conv1').getByTestId('net-shape')).toHaveText('55×55×96');
  await expect(block(page, 'flatten').getByTestId('net-shape')).toHaveText('9216');
  expect(consoleErrors).toEqual([]);
});

test('toggles change the picture at once; 224 shows why it does not fit', async ({ page }) => {
  await openReady(page, '?preset=paper');
  await expect(picture(page).locator('[data-kind="lrn"]')).toHaveCount(2);
  await expect(picture(page).locator('[data-kind="dropout"]')).toHaveCount(2);
  await page.getByLabel(/Local response normalisation/).uncheck();
  await expect(picture(page).locator('[data-kind="lrn"]')).toHaveCount(0);
  await page.getByLabel(/^Dropout 0.5/).uncheck();
  await expect(picture(page).locator('[data-kind="dropout"]')).toHaveCount(0);

  await expect(block(page, 'conv2')).toHaveAttribute('data-towers', '1');
  await page.getByLabel(/Two-tower grouped convolutions/).check();
  for (const name of ['conv2', 'conv4', 'conv5']) {
    await expect(block(page, name)).toHaveAttribute('data-towers', '2');
    await expect(block(page, name).locator('[data-tower]')).toHaveCount(2);
  }
  await expect(block(page, 'conv1')).toHaveAttribute('data-towers', '1');
  await expect(block(page, 'conv3')).toHaveAttribute('data-towers', '1');

  await page.getByRole('combobox', { name: 'Pooling', exact: true }).selectOption('non-overlapping');
  await expect(block(page, 'pool1').locator('.caption')).toHaveText('2×2/2');

  await page.getByLabel(/stated 224 × 224 input/).check();
  await expect(block(page, 'conv1').getByTestId('net-shape')).toHaveText('54.25×54.25×96');
  await expect(block(page, 'conv1')).toHaveClass(/fractional/);
  await expect(page.getByTestId('net-224-note')).toContainText('54.25');
});

test('hover and focus show parameters and multiply-adds', async ({ page }) => {
  await openReady(page);
  await block(page, 'conv1').hover();
  await expect(page.getByTestId('net-detail')).toContainText('4,864 parameters');
  await expect(page.getByTestId('net-detail')).toContainText('4,915,200 multiply-adds');
  await block(page, 'conv2').focus();
  await expect(page.getByTestId('net-detail')).toHaveAttribute('data-layer', 'conv2');
  await expect(page.getByTestId('net-detail')).toContainText('307,392 parameters');
});

test("a click opens that layer's feature maps, and conv1's filters", async ({ page }) => {
  await openReady(page);
  await block(page, 'conv2').click();
  const maps = page.getByTestId('feature-maps');
  await expect(maps).toBeVisible();
  const conv2 = maps.locator('[data-layer="conv2"]');
  await expect(conv2).toHaveAttribute('data-focused', 'true');
  await expect(conv2).toBeInViewport();
  await expect(page.getByRole('link', { name: '2 Look inside' })).toHaveAttribute('aria-current', 'step');
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('inside');

  // An activation shows the maps of the layer it follows; Enter works like a click.
  await block(page, 'act4').focus();
  await page.keyboard.press('Enter');
  await expect(maps.locator('[data-layer="conv4"]')).toHaveAttribute('data-focused', 'true');
  await expect(maps.locator('[data-layer="conv2"]')).not.toHaveAttribute('data-focused');

  await block(page, 'conv1').click();
  await expect(maps.locator('[data-layer="conv1"]')).toBeInViewport();
  await expect(page.getByTestId('filters').locator('canvas')).toHaveCount(64);
});
