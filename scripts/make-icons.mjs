// Makes the web-app manifest's PNG icons from public/favicon.svg (drawn for this project), with
// the system's Chromium. Usage: node scripts/make-icons.mjs → public/icons/icon-{192,512}.png
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
  console.log(`written: public/icons/icon-${size}.png`);
  await page.close();
}
await browser.close();
