// Shared e2e fixture: every test fails if the page logs a console error or throws.

import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  },
});

export { expect };

/** Opens the app and waits until the whole built-in CIFAR-10 is decoded. */
export async function openReady(page: import('@playwright/test').Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('test-count')).toHaveText('10000');
}

/** Drops one file on the element with `testId`, as a user's drag-and-drop would. */
export async function dropFile(
  page: import('@playwright/test').Page,
  testId: string,
  name: string,
  mime: string,
  bytes: Buffer,
) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, mime, b64 }) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bin], name, { type: mime }));
      return dt;
    },
    { name, mime, b64: bytes.toString('base64') },
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer });
}

/** Tiny quick mode for runs that must take seconds: 100 training and 50 test images, batch 25 (4 steps an epoch). */
export async function tinyQuickRun(page: import('@playwright/test').Page, epochs: number): Promise<void> {
  await page.getByLabel('Quick-mode training images').fill('100');
  await page.getByLabel('Quick-mode test images').fill('50');
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
}
