import { test, expect, openReady } from './fixtures';
import { seriousFindings } from './axe';

// Two lessons end to end at the page's tiny quick-mode sizes (20 training and 20 test images,
// batch 10, 1 epoch: seconds per run on wasm), then the cards in 简体中文.
test('lessons: one click queues a lesson, its verdict appears, the cards speak Chinese', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(300_000);
  await openReady(page, '?bs=10&ep=1&qtr=20&qte=20');
  const lessons = page.getByTestId('lessons');
  await expect(lessons.locator('article[data-lesson]')).toHaveCount(6);
  // Before any run every lesson says runs are needed.
  await expect(lessons.getByTestId('lesson-status')).toHaveCount(6);
  await lessons.getByRole('checkbox', { name: /Use each lesson's own quick-mode sizes/ }).uncheck();
  const lrn = lessons.locator('article[data-lesson="lrn"]');
  await expect(lrn).toContainText('1.4 %');
  await expect(lrn).toContainText(
    '2 variants, one run each per seed · 20 training / 20 test images · epochs: 1 · batch 10',
  );
  await lrn.getByRole('button', { name: 'Run this lesson (b)' }).click();

  // The queue holds the lesson's two variants (one seed), and runs them.
  const queue = page.getByTestId('queue');
  const items = queue.locator('[data-queue-item]');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Lesson b · LRN');
  await expect(items.nth(1)).toContainText('Lesson b · no LRN');
  await expect(queue.locator('[data-status="done"]')).toHaveCount(2, { timeout: 120_000 });

  // Both variants finished: figures per variant, and with one seed each verdict is inconclusive.
  await expect(lrn.getByTestId('lesson-status')).toHaveCount(0);
  const figures = lrn.getByTestId('lesson-figures').locator('tbody tr');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0).locator('td').nth(1)).toHaveText('1');
  await expect(figures.nth(0).locator('td').nth(2)).toHaveText(/^\d+\.\d$/);
  const verdicts = lrn.getByTestId('lesson-verdicts');
  await expect(verdicts.locator('tr[data-verdict]')).toHaveCount(2);
  await expect(verdicts.locator('tr[data-comparison="lrn-error"]')).toHaveAttribute(
    'data-verdict',
    'inconclusive',
  );
  await expect(verdicts.locator('tr[data-comparison="lrn-error"]')).toContainText('n = 1: needs 2 seeds');
  // The other lessons still need their runs.
  await expect(lessons.locator('article[data-lesson="relu"]').getByTestId('lesson-status')).toContainText(
    'runs needed',
  );

  // Lesson (e): five variants (three widths, two smaller training sets); the gap is charted
  // against each, the reference (×1, all 20 images) being a point of both lines.
  const overfit = lessons.locator('article[data-lesson="overfit"]');
  await overfit.getByRole('button', { name: 'Run this lesson (e)' }).click();
  await expect(items).toHaveCount(5);
  await expect(items.nth(2)).toContainText('Lesson e · width ×¼');
  await expect(queue.locator('[data-status="done"]')).toHaveCount(5, { timeout: 150_000 });
  await expect(overfit.getByTestId('lesson-figures').locator('tbody tr')).toHaveCount(5);
  await expect(overfit.getByTestId('lesson-gap-width')).toHaveAttribute('data-points', '3');
  await expect(overfit.getByTestId('lesson-gap-images')).toHaveAttribute('data-points', '3');
  await expect(overfit.locator('tr[data-comparison="overfit-width"]')).toHaveAttribute(
    'data-verdict',
    'inconclusive',
  );
  expect(await seriousFindings(page)).toEqual([]);

  // 简体中文: the lesson cards' texts are Chinese.
  await page.getByLabel('Language').selectOption('zh');
  await expect(lessons.getByRole('heading', { name: '课程' })).toBeVisible();
  await expect(lrn.getByRole('heading', { name: '(b) 局部响应归一化' })).toBeVisible();
  await expect(lrn).toContainText('论文：LRN 使 top-1 和 top-5 错误率分别降低 1.4 % 和 1.2 %。');
  await expect(lrn.getByRole('button', { name: '运行这节课（b）' })).toBeVisible();
  await expect(lessons.locator('article[data-lesson="preprocess"]')).toContainText('需要运行');
  await expect(overfit.getByText('按模型宽度（×）的差距')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
