import { readFileSync, readdirSync } from 'node:fs';
import { dropFile, expect, openReady, test } from './fixtures';

const dir = 'e2e/fixtures/bad-images';

/** Every file of the corpus (scripts/make-bad-images.mjs) and what dropping it must show. */
const expected: Record<string, { mime: string; alert: RegExp } | { mime: string; classifies: true }> = {
  'document.pdf': { mime: 'application/pdf', alert: /PDF document/ },
  'drawing.svg': { mime: 'image/svg+xml', alert: /SVG drawings are not supported/ },
  'cut-short.jpg': { mime: 'image/jpeg', alert: /JPEG file is damaged or incomplete/ },
  'claims-10000x10000.png': { mime: 'image/png', alert: /PNG file is damaged or incomplete/ },
  'one-pixel.png': { mime: 'image/png', classifies: true },
};

test('every file of the bad-image corpus ends in a clear message (or, if it is a picture, a top-5)', async ({
  page,
  consoleErrors,
}) => {
  const files = readdirSync(dir).sort();
  expect(files.sort()).toEqual(Object.keys(expected).sort());
  await openReady(page);
  for (const name of files) {
    const want = expected[name];
    await dropFile(page, 'drop-zone', name, want.mime, readFileSync(`${dir}/${name}`));
    if ('alert' in want) {
      await expect(page.getByRole('alert').filter({ hasText: want.alert }), name).toBeVisible();
    } else {
      await expect(page.getByTestId('top5').locator('li'), name).toHaveCount(5);
      await expect(page.getByRole('alert')).toHaveCount(0);
    }
    // Nothing else is disturbed: the data is still ready.
    await expect(page.getByTestId('train-count')).toHaveText('50000');
  }
  expect(consoleErrors).toEqual([]);
});

test("a refused image clears the previous image's prediction", async ({ page, consoleErrors }) => {
  await openReady(page);
  await dropFile(page, 'drop-zone', 'one-pixel.png', 'image/png', readFileSync(`${dir}/one-pixel.png`));
  await expect(page.getByTestId('top5').locator('li')).toHaveCount(5);
  await dropFile(page, 'drop-zone', 'document.pdf', 'application/pdf', readFileSync(`${dir}/document.pdf`));
  await expect(page.getByRole('alert').filter({ hasText: /PDF document/ })).toBeVisible();
  // Neither the old top-5 nor its feature maps stay on screen under the message.
  await expect(page.getByTestId('top5')).toHaveCount(0);
  await expect(page.getByTestId('feature-maps')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
