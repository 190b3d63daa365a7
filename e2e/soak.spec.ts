import { test, expect, openReady, tinyQuickRun } from './fixtures';

test('soak: many short epochs keep the Worker tensor count flat and the page heap bounded', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await tinyQuickRun(page, 8);
  // Heap after a full garbage collection (through the DevTools protocol): without it the figure
  // counts garbage not yet collected and jumps by tens of MB at random.
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const metrics = page.getByTestId('metrics');
  await expect(metrics).toHaveAttribute('data-tensors-per-epoch', /^\d+$/, { timeout: 120_000 });
  const heapAfterFirst = await heap();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 240_000 });
  const counts = (await metrics.getAttribute('data-tensors-per-epoch'))!.split(',').map(Number);
  expect(counts).toHaveLength(8);
  expect(new Set(counts).size, `tensor counts per epoch: ${counts.join(', ')}`).toBe(1);
  // The page keeps 8 epochs of metrics: a few hundred kB; 10 MB more would mean a leak.
  expect((await heap()) - heapAfterFirst).toBeLessThan(10 * 1024 * 1024);
  expect(consoleErrors).toEqual([]);
});
