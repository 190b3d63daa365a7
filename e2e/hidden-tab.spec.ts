import { test, expect, openReady } from './fixtures';

// Headless Chromium cannot hide a tab (a second page, bringToFront and a minimised window all
// leave document.visibilityState 'visible'), so this test applies to the page what Chrome does to
// a hidden tab: visibilityState 'hidden' with its visibilitychange event, no animation frames,
// and timers clamped to at least one second. Training runs in a Worker, which Chrome does not
// throttle in a hidden tab; the page must neither pause it nor drop the steps it reports.
const HIDE_TAB = () => {
  let hidden = false;
  const frames: FrameRequestCallback[] = [];
  const realRaf = window.requestAnimationFrame.bind(window);
  const realTimeout = window.setTimeout.bind(window);
  Object.defineProperty(Document.prototype, 'visibilityState', {
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(Document.prototype, 'hidden', { get: () => hidden });
  window.requestAnimationFrame = (cb) => (hidden ? frames.push(cb) : realRaf(cb));
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
    realTimeout(fn, hidden ? Math.max(ms ?? 0, 1000) : ms, ...rest)) as typeof window.setTimeout;
  (window as unknown as { __tab: (h: boolean) => void }).__tab = (h) => {
    hidden = h;
    document.dispatchEvent(new Event('visibilitychange'));
    if (!h) frames.splice(0).forEach((cb) => realRaf(cb));
  };
};

test('training goes on while the tab is hidden, and every step reaches the charts', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(HIDE_TAB);
  await openReady(page);
  // 200 images, batch 25: 8 steps an epoch, 3 epochs.
  await page.getByLabel('Quick-mode training images').fill('200');
  await page.getByLabel('Quick-mode test images').fill('50');
  await page.getByLabel('Batch size', { exact: true }).fill('25');
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const step = async () => Number(await page.getByTestId('metric-step').textContent());
  await expect.poll(step, { timeout: 120_000 }).toBeGreaterThanOrEqual(1);

  const setHidden = (h: boolean) =>
    page.evaluate((v) => (window as unknown as { __tab: (h: boolean) => void }).__tab(v), h);
  await setHidden(true);
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
  const before = await step();
  await page.waitForTimeout(15_000);
  const whileHidden = await step();
  await expect(page.getByTestId('run-state')).not.toHaveText('paused');
  expect(whileHidden - before, 'steps trained while the tab was hidden').toBeGreaterThanOrEqual(3);

  await setHidden(false);
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  // No step was lost to the throttled page: the loss chart holds all 24.
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', '24');
  expect(consoleErrors).toEqual([]);
});
