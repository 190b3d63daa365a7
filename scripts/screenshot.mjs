// Makes the README's screenshots from the built app.
// Usage: node scripts/screenshot.mjs [--skip-build] [--layout]
//   default:  docs/screenshot.png, the page after a short quick-mode run
//   --layout: docs/layout-en.png and docs/layout-zh.png (the page as a first-time visitor sees it,
//             in English and 简体中文) and docs/network-picture.png (the paper preset, two towers)
//   --dark:   docs/layout-dark.png, the page after a short quick-mode run with a dark system theme
//   --lessons: docs/lessons-en.png, the lab's lesson cards
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const port = Number(process.env.SCREENSHOT_PORT ?? 4190);
if (!process.argv.includes('--skip-build')) await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu', '--disable-quic'],
});

async function open(query = '', lang = 'en', width = 1400, colorScheme = 'light') {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, colorScheme });
  await context.addInitScript((l) => localStorage.setItem('alexnet-lab.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/${query}`);
  await page.getByTestId('train-count').filter({ hasText: '50000' }).waitFor({ timeout: 90_000 });
  return page;
}

async function trainedPage() {
  const page = await open();
  // A returning visitor's page: the first-visit hint closed.
  await page.getByRole('button', { name: 'Got it, hide these steps' }).click();
  await page.getByLabel('Batch size', { exact: true }).fill('50');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // One quick-mode epoch: the loss curve and the first test figures.
  await page.getByTestId('metric-test-acc').waitFor({ timeout: 300_000 });
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('written: docs/screenshot.png');
}

async function layoutPages() {
  for (const lang of ['en', 'zh']) {
    const page = await open('', lang);
    // Hovering a block shows its numbers under the picture.
    await page.locator('[data-testid="network-picture"] [data-layer="conv2"]').hover();
    await page.screenshot({ path: `docs/layout-${lang}.png` });
    console.log(`written: docs/layout-${lang}.png`);
    await page.context().close();
  }
  // Wide enough for the whole paper preset without scrolling.
  const page = await open('?preset=paper&grp=1', 'en', 1600);
  await page.locator('[data-testid="network-picture"] [data-layer="pool1"]').hover();
  await page.locator('.panel.network').screenshot({ path: 'docs/network-picture.png' });
  console.log('written: docs/network-picture.png');
}

async function darkPage() {
  const page = await open('', 'en', 1400, 'dark');
  await page.getByRole('button', { name: 'Got it, hide these steps' }).click();
  await page.getByLabel('Quick-mode training images').fill('500');
  await page.getByLabel('Batch size', { exact: true }).fill('50');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('run-state').filter({ hasText: 'done' }).waitFor({ timeout: 300_000 });
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/layout-dark.png' });
  console.log('written: docs/layout-dark.png');
}

async function lessonPages() {
  for (const lang of ['en']) {
    const page = await open('?view=compare', lang);
    // The sticky run bar would cover the top of a tall element's screenshot.
    await page.addStyleTag({ content: '.runbar { position: static !important; }' });
    const lessons = page.getByTestId('lessons');
    await lessons.locator('article.lesson').first().waitFor();
    await lessons.screenshot({ path: `docs/lessons-${lang}.png` });
    console.log(`written: docs/lessons-${lang}.png`);
    await page.context().close();
  }
}

try {
  if (process.argv.includes('--layout')) await layoutPages();
  else if (process.argv.includes('--lessons')) await lessonPages();
  else if (process.argv.includes('--dark')) await darkPage();
  else await trainedPage();
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
