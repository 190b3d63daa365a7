import { expect, openReady, test, tinyQuickRun } from './fixtures';

// Issue #17 part 2: a path through the page (1 Train · 2 Look inside · 3 Compare, remembered in
// the URL), a first-visit hint that stays dismissed, and run shortcuts that ignore typing.

test('the chosen step is kept in the URL and restored after a reload', async ({ page, consoleErrors }) => {
  await openReady(page);
  const nav = page.getByRole('navigation', { name: 'Steps' });
  await expect(nav.getByRole('link')).toHaveText(['1 Train', '2 Look inside', '3 Compare']);
  await expect(nav.getByRole('link', { name: '1 Train' })).toHaveAttribute('aria-current', 'step');
  // The pretrained model arrives after the data and adds "Continue training this model" to the
  // bar, which makes it taller: wait for it, so that the bar's height is final when scrolling.
  await expect(page.getByRole('button', { name: 'Continue training this model' })).toBeVisible();
  // A step's section stops below the sticky run bar, not under it.
  await nav.getByRole('link', { name: '2 Look inside' }).click();
  await expect(page.getByRole('heading', { name: '2 Look inside' })).toBeInViewport();
  const heading = await page.getByRole('heading', { name: '2 Look inside' }).boundingBox();
  const bar = await page.locator('.runbar').boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
  expect(heading!.y).toBeLessThan(bar!.y + bar!.height + 40);
  await nav.getByRole('link', { name: '3 Compare' }).click();
  await expect(nav.getByRole('link', { name: '3 Compare' })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { name: '3 Compare' })).toBeInViewport();
  await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('compare');

  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(nav.getByRole('link', { name: '3 Compare' })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('heading', { name: '3 Compare' })).toBeInViewport();
  // The run controls and live numbers stay in view wherever the page is.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeInViewport();
  await expect(page.getByTestId('metrics')).toBeInViewport();
  // The settings in the URL still round-trip beside the step.
  await page.getByRole('combobox', { name: 'Pooling', exact: true }).selectOption('non-overlapping');
  await expect.poll(() => new URL(page.url()).searchParams.get('pool')).toBe('non');
  expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
  expect(consoleErrors).toEqual([]);
});

test('a step that does not exist is named and step 1 is shown', async ({ page }) => {
  await openReady(page, '?view=nowhere');
  await expect(page.getByText('The link asks for a page step "nowhere" that does not exist')).toBeVisible();
  await expect(page.getByRole('link', { name: '1 Train' })).toHaveAttribute('aria-current', 'step');
});

test('the first-visit hint shows three steps and stays dismissed after a reload', async ({ page }) => {
  await openReady(page);
  const hint = page.getByTestId('first-visit-hint');
  await expect(hint).toBeVisible();
  await expect(hint.getByRole('listitem')).toHaveCount(3);
  await hint.getByRole('button', { name: 'Got it, hide these steps' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('train-count')).toHaveText('50000', { timeout: 90_000 });
  await expect(page.getByTestId('first-visit-hint')).toHaveCount(0);
});

test('T trains, P pauses, R resumes; typing in a field does not', async ({ page, consoleErrors }) => {
  await openReady(page);
  await tinyQuickRun(page, 20);
  await expect(page.getByTestId('shortcuts')).toContainText('T train');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveAttribute(
    'aria-keyshortcuts',
    'T',
  );
  // Typing a "t" into a field is typing, not a shortcut.
  await page.getByLabel('Seed', { exact: true }).press('t');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('run-state')).toHaveText('idle');

  await page.getByRole('heading', { name: '1 Train' }).click();
  await page.keyboard.press('t');
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await expect(page.getByTestId('metric-step')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('run-state')).toHaveText('paused');
  await page.keyboard.press('r');
  await expect(page.getByTestId('run-state')).toHaveText('training');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByTestId('run-state')).not.toHaveText('training');
  expect(consoleErrors).toEqual([]);
});
