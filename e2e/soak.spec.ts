import { test, expect, openReady, tinyQuickRun } from './fixtures';

test('soak: many short epochs keep the Worker tensor count flat and the page heap bounded', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await tinyQuickRun(page, 8);
  const heap = () =>
    page.evaluate(
      () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const metrics = page.getByTestId('metrics');
  await expect(metrics).toHaveAttribute('data-tensors-per-epoch', /^\d+$/, { timeout: 120_000 });
  const heapAfterFirst = await heap();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 240_000 });
  const counts = (await metrics.getAttribute('data-tensors-per-epoch'))!.split(',').map(Number);
  expect(counts).toHaveLength(8);
  expect(new Set(counts).size, `tensor counts per epoch: ${counts.join(', ')}`).toBe(1);
  // The page keeps 8 epochs of metrics: far less than 30 MB more than after the first.
  expect((await heap()) - heapAfterFirst).toBeLessThan(30 * 1024 * 1024);
  expect(consoleErrors).toEqual([]);
});
