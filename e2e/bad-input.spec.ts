import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, openReady } from './fixtures';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Every broken data file of the corpus (made by scripts/make-fixtures.mjs) and what the message must say. */
const corpus: [file: string, message: RegExp][] = [
  ['truncated.bin', /not a whole number of CIFAR-10 records/i],
  ['random.bin', /CIFAR/i],
  ['png-renamed.bin', /PNG/i],
  ['empty.bin', /empty/i],
  ['cifar100-like.bin', /CIFAR-100|label/i],
  ['damaged.tar.gz', /damaged|unpack/i],
  ['no-batches.tar.gz', /no CIFAR-10 batch|holds no|does not contain/i],
  ['not-gzip.tar.gz', /gzip|unpack|damaged/i],
];

test('every broken data file is refused with its own message, and the data stays ready', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  const input = page.getByLabel(/Load CIFAR-10 batches from disk/);
  for (const [file, message] of corpus) {
    await input.setInputFiles(path.join(fixtures, file));
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert, file).toBeVisible();
    await expect(page.getByTestId('train-count')).toHaveText('50000');
    await expect(page.getByTestId('test-count')).toHaveText('10000');
    await alert.getByRole('button').click();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  expect(consoleErrors).toEqual([]);
});

test('a file far larger than any batch is refused before it is read', async ({ page, consoleErrors }) => {
  await openReady(page);
  // A synthetic 400 MB file (sparse: nothing that size is written to disk or read).
  await page.evaluate(() => {
    const input = Array.from(document.querySelectorAll<HTMLInputElement>('input[type=file]')).find((el) =>
      el.closest('label')?.textContent?.includes('Load CIFAR-10 batches'),
    )!;
    const big = new File([new Blob([new ArrayBuffer(400 * 1024 * 1024)])], 'data_batch_1.bin');
    const dt = new DataTransfer();
    dt.items.add(big);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.getByRole('alert')).toContainText(/larger|too large|bytes/i);
  await expect(page.getByTestId('train-count')).toHaveText('50000');
  expect(consoleErrors).toEqual([]);
});

test('a file the browser can no longer read is refused in plain words, not the browser sentence', async ({
  page,
  consoleErrors,
}) => {
  await openReady(page);
  await expect(page.getByTestId('run-list')).toHaveAttribute('data-loaded', 'true');
  // As Chromium answers for a picked file that was changed or deleted on disk since (the page
  // reads its first byte before the import Worker reads the rest).
  await page.evaluate(() => {
    const unreadable = () =>
      Promise.reject(
        new DOMException(
          'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.',
          'NotReadableError',
        ),
      );
    File.prototype.text = unreadable;
    Blob.prototype.arrayBuffer = unreadable;
  });
  await page.getByLabel('Import experiment').setInputFiles({
    name: 'exp.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{}'),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('exp.json: The browser could not read the file');
  await expect(alert).not.toContainText('permission problems');
  expect(consoleErrors).toEqual([]);
});
