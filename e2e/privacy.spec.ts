import { test, expect, openReady } from './fixtures';

test('no request leaves this origin, and none at all once the data is ready', async ({
  page,
  consoleErrors,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openReady(page);
  const origin = new URL(page.url()).origin;
  const atReady = requests.length;

  // Training and everything it shows must not fetch anything.
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('metric-step')).toHaveText(/^[1-9]\d*$/, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 120_000 });

  const after = requests.slice(atReady).filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(after, 'requests after the data was ready').toEqual([]);
  const foreign = requests.filter(
    (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign, 'requests to other origins').toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the page runs under a strict Content-Security-Policy', async ({ page, consoleErrors }) => {
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("default-src 'self'");
  expect(header).not.toContain('unsafe-eval;');
  expect(header).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("connect-src 'self'");
  // Everything still works under it: the Worker, WebAssembly and the data.
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('backend')).toContainText(/wasm|webgpu|webgl|cpu/);
  expect(consoleErrors).toEqual([]);
});
