// In 简体中文 every message the app shows about bad input is Chinese: the data-file corpus, the
// bad-image corpus, a bad URL and a bad experiment file. Messages are Problems worded by the UI
// (src/shared/problem.ts), so none may fall back to an English sentence.

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { dropFile, expect, openReady, test } from './fixtures';
import { problem, type Problem } from '../src/shared/problem';
import { zh } from '../src/ui/i18n/zh';
import { wordProblem } from '../src/ui/i18n/render';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Three or more ASCII words in a row (file names and terms such as CIFAR-10 are not words). */
function englishRun(text: string): string | null {
  let run: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (/^\(?[A-Za-z]+[,.;:!?)]*$/.test(token)) {
      run.push(token);
      if (run.length >= 3) return run.join(' ');
    } else run = [];
  }
  return null;
}

const CJK = /[\u4e00-\u9fff]/;

/** Every alert and status line on the page holds Chinese and no English sentence. */
async function expectNoEnglish(page: Page): Promise<void> {
  const texts = await page.locator('[role=alert], [role=status]').allInnerTexts();
  // An empty live region (copy link's, before a copy) is no message: it waits for one.
  for (const text of texts.filter((t) => t.trim() !== '')) {
    expect(englishRun(text), `English in: ${text}`).toBeNull();
    expect(text, 'a message in Chinese').toMatch(CJK);
  }
}

async function openInChinese(page: Page, query = ''): Promise<void> {
  await openReady(page);
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { name: '数据：CIFAR-10' })).toBeVisible();
  if (query) {
    await openReady(page, query);
    await expect(page.getByRole('heading', { name: '数据：CIFAR-10' })).toBeVisible();
  }
}

/** The alert that shows `p`, worded in Chinese; dismissed afterwards when it has a button. */
async function expectAlert(page: Page, p: Problem): Promise<Locator> {
  const text = wordProblem(zh, p);
  expect(text).toMatch(CJK);
  const alert = page.getByRole('alert').filter({ hasText: text });
  await expect(alert).toBeVisible();
  await expectNoEnglish(page);
  return alert;
}

const hint = problem('data.batch.cifar100Hint');
const corpus: [file: string, p: Problem][] = [
  [
    'truncated.bin',
    problem('data.batch.notWholeRecords', { name: 'truncated.bin', size: '31,964', hint: '' }),
  ],
  ['random.bin', problem('data.batch.badLabel', { name: 'random.bin', record: '1', label: 200, hint: '' })],
  [
    'png-renamed.bin',
    problem('data.batch.otherFormat', { name: 'png-renamed.bin', what: problem('format.png') }),
  ],
  ['empty.bin', problem('data.batch.empty', { name: 'empty.bin' })],
  [
    'cifar100-like.bin',
    problem('data.batch.notWholeRecords', { name: 'cifar100-like.bin', size: '9,222', hint }),
  ],
  ['damaged.tar.gz', problem('data.archive.notGzip', { name: 'damaged.tar.gz' })],
  [
    'no-batches.tar.gz',
    problem('data.archive.noBatch', {
      name: 'no-batches.tar.gz',
      holds: problem('data.archive.holds', { list: 'batches.meta.txt, readme.html' }),
    }),
  ],
  ['not-gzip.tar.gz', problem('data.archive.notGzip', { name: 'not-gzip.tar.gz' })],
];

test('简体中文: every broken data file is refused in Chinese, and the data stays ready', async ({
  page,
  consoleErrors,
}) => {
  await openInChinese(page);
  await expect(page.getByTestId('run-state')).toHaveText('空闲');
  // Where the data came from is worded in Chinese too.
  const source = await page.locator('p.source').innerText();
  expect(source).toMatch(CJK);
  expect(englishRun(source), source).toBeNull();
  const input = page.getByLabel(/从磁盘加载 CIFAR-10 批次/);
  for (const [file, p] of corpus) {
    await input.setInputFiles(path.join(fixtures, file));
    const alert = await expectAlert(page, p);
    await expect(page.getByTestId('train-count')).toHaveText('50000');
    await alert.getByRole('button').click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  // A good batch is accepted and its origin worded in Chinese.
  await input.setInputFiles(path.join(fixtures, 'data_batch_1.bin'));
  await expect(page.getByTestId('train-count')).toHaveText('100');
  await expect(page.locator('p.source')).toHaveText(
    wordProblem(
      zh,
      problem('data.source.mixed', {
        train: problem('data.origin.yourBatch', {
          files: 'data_batch_1.bin',
          images: problem('data.origin.images', { n: '100' }),
          numbers: '1',
        }),
        test: problem('data.origin.builtin'),
      }),
    ),
  );
  expect(consoleErrors).toEqual([]);
});

const images: [file: string, mime: string, p: Problem][] = [
  ['document.pdf', 'application/pdf', problem('image.pdf')],
  ['drawing.svg', 'image/svg+xml', problem('image.svg')],
  ['cut-short.jpg', 'image/jpeg', problem('image.damaged', { format: 'JPEG' })],
  ['claims-10000x10000.png', 'image/png', problem('image.damaged', { format: 'PNG' })],
];

test('简体中文: every unreadable picture of the bad-image corpus is explained in Chinese', async ({
  page,
  consoleErrors,
}) => {
  await openInChinese(page);
  for (const [file, mime, p] of images) {
    await dropFile(page, 'drop-zone', file, mime, readFileSync(path.join(fixtures, 'bad-images', file)));
    await expectAlert(page, p);
    await expect(page.getByTestId('train-count')).toHaveText('50000');
  }
  expect(consoleErrors).toEqual([]);
});

// Needs the settings table's URL validation to report Problems (branch of the settings work).
test('简体中文: a link with bad settings is reported in Chinese', async ({ page, consoleErrors }) => {
  await openInChinese(page, '?lr=banana&ep=100000');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expectNoEnglish(page);
  expect(consoleErrors).toEqual([]);
});

// Needs experiment-file validation to report Problems (branch of the settings work).
test('简体中文: a foreign or damaged experiment file is refused in Chinese', async ({
  page,
  consoleErrors,
}) => {
  await openInChinese(page);
  const importer = page.getByLabel('导入实验');
  for (const [name, text] of [
    ['notes.json', '{"a":1}'],
    ['broken.json', '{"format": "alexnet-lab-experiment", '],
  ]) {
    await importer.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: name });
    await expect(alert).toBeVisible();
    await expectNoEnglish(page);
    await alert.getByRole('button').click();
  }
  expect(consoleErrors).toEqual([]);
});
