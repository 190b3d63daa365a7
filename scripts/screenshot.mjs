// Makes docs/screenshot.png for the README: the built app after a short quick-mode run.
// Usage: node scripts/screenshot.mjs [--skip-build]
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const port = 4190;
if (!process.argv.includes('--skip-build')) await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByTestId('train-count').filter({ hasText: '50000' }).waitFor({ timeout: 90_000 });
  await page.getByLabel('Batch size', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // One quick-mode epoch: the loss curve and the first test figures.
  await page.getByTestId('metric-test-acc').waitFor({ timeout: 300_000 });
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('written: docs/screenshot.png');
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
