import { test, expect, openReady, tinyQuickRun } from './fixtures';
import { seriousFindings } from './axe';

// Issue #17 part 4: the conventions people expect of a page — no serious accessibility findings,
// dark mode.

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious in any panel, before and after a run (${colorScheme})`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    await openReady(page);
    expect(await seriousFindings(page)).toEqual([]);
    // After a run every panel has its content: charts, confusion matrix, mistakes, the lab's list.
    await tinyQuickRun(page, 1);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
    await expect(page.getByTestId('metric-test-acc')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, the toggle switches it and the choice is remembered', async ({
    page,
    consoleErrors,
  }) => {
    await openReady(page);
    const html = page.locator('html');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const toggle = page.getByLabel('Dark mode');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toBeChecked();
    const dark = await background();
    await toggle.uncheck();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await background()).not.toBe(dark);
    // Remembered: the system still says dark, the page stays light.
    await page.reload();
    await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe(dark);
    expect(consoleErrors).toEqual([]);
  });
});
