import { test, expect, openReady, tinyQuickRun } from './fixtures';

// Issue #17 part 5: after one visit the service worker has cached the app, its wasm and the data,
// so the page loads, stays cross-origin isolated (wasm threads) and trains with no network.

test('after one visit the app reloads offline, stays isolated and trains', async ({
  page,
  context,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  // The context sees the service worker's own requests too (the page sees only its own).
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await openReady(page);
  const origin = new URL(page.url()).origin;

  // Registered once the data is ready; `ready` resolves when the install (the precache) is done.
  const cache = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
    const names = await caches.keys();
    const keys = names.length === 1 ? await (await caches.open(names[0])).keys() : [];
    return { names, paths: keys.map((k) => new URL(k.url).pathname) };
  });
  expect(cache.names).toHaveLength(1);
  expect(cache.paths).toEqual(
    expect.arrayContaining([
      '/index.html',
      '/data/labels.bin',
      '/data/manifest.json',
      '/data/data_batch_1.jpg',
      '/data/test_batch.jpg',
      '/manifest.webmanifest',
      '/favicon.svg',
    ]),
  );
  expect(cache.paths.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);
  expect(cache.paths).not.toContain('/sw.js');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('test-count')).toHaveText('10000');
  // Served from the cache, the page keeps COOP/COEP: SharedArrayBuffer (wasm threads) is there.
  expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(
    true,
  );
  await expect(page.getByTestId('backend')).toContainText(/wasm|webgpu|webgl|cpu/);

  await tinyQuickRun(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  await expect(page.getByTestId('metric-test-acc')).toBeVisible();

  const foreign = requests.filter(
    (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign, 'requests to other origins, the service worker’s included').toEqual([]);
  expect(consoleErrors).toEqual([]);
});
