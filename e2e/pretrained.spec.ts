// The app opens with the model that ships in public/pretrained/ (issue #16 part 5): before any run,
// the inspect views answer with it and name it with its stated accuracy (cli/pretrained.test.ts
// re-measures that figure on all 10,000 test images). Train starts afresh; the label follows.
import { readFileSync } from 'node:fs';
import { expect, openReady, test, tinyQuickRun } from './fixtures';

const manifest = JSON.parse(readFileSync('public/pretrained/pretrained.json', 'utf8')) as {
  epochs: number;
  testAccuracy: number;
  testCount: number;
  command: string;
};
const acc = (manifest.testAccuracy * 100).toFixed(2);

test('the pretrained model answers at first open, labelled; a new run replaces it', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await openReady(page);

  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const maps = page.getByTestId('maps-model');
  await expect(maps).toHaveAttribute('data-source', 'pretrained', { timeout: 120_000 });
  const epochWord = manifest.epochs === 1 ? 'epoch' : 'epochs';
  await expect(maps).toContainText(`pretrained: ${manifest.epochs} ${epochWord}, ${acc} % test accuracy`);
  await expect(maps).toContainText(manifest.command);
  await expect(page.getByTestId('pretrained-note').first()).toContainText(`${acc} %`);

  // It has learnt: well above the 10 % of chance on the page's test images.
  await page.getByText('Test set: what it gets right and wrong').click();
  await page.getByRole('button', { name: 'Predict the test images' }).click();
  await expect(page.getByTestId('insight-model')).toHaveAttribute('data-source', 'pretrained', {
    timeout: 120_000,
  });
  const summary = await page.getByText(/test images right \(/).innerText();
  const pct = Number(/\(([\d.]+) %\)/.exec(summary)?.[1]);
  expect(pct).toBeGreaterThan(25);

  // It can be trained further; a fresh run is what the views show once it has run.
  await expect(page.getByRole('button', { name: 'Continue training this model' })).toBeEnabled();
  await tinyQuickRun(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(maps).toHaveAttribute('data-source', 'trained', { timeout: 120_000 });
  expect(consoleErrors).toEqual([]);
});

test('in 简体中文 the pretrained label is Chinese', async ({ page }) => {
  await openReady(page);
  await page.getByLabel('Language').selectOption('zh');
  await page.getByRole('button', { name: '显示', exact: true }).click();
  await expect(page.getByTestId('maps-model')).toContainText(
    `预训练：${manifest.epochs} 轮，测试准确率 ${acc} %`,
    {
      timeout: 120_000,
    },
  );
});
