import { test, expect, openReady, tinyQuickRun } from './fixtures';
import { seriousFindings } from './axe';

// Issue #17 part 4: on a 375 px wide phone nothing is cut off — the page never scrolls sideways,
// and a table wider than the screen scrolls inside its own box.

test.use({ viewport: { width: 375, height: 800 } });

/** Elements wider than the viewport that are not inside a box that scrolls sideways. */
async function cutOff(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (e: Element | null): boolean => {
      for (let p = e; p && p !== document.documentElement; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === 'auto' || o === 'scroll') && p.getBoundingClientRect().right <= width + 1) return true;
      }
      return false;
    };
    const bad: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(e).position === 'fixed') continue;
      const out = (x: Element | null) => {
        const q = x?.getBoundingClientRect();
        return !!q && q.width > 0 && (q.right > width + 1 || q.left < -1);
      };
      // Only the outermost element that sticks out: its children do too.
      if (out(e) && !out(e.parentElement) && !scrolls(e.parentElement)) {
        bad.push(
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}]`,
        );
      }
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width,
      bad: bad.slice(0, 20),
      tables: [...document.querySelectorAll('table')].map((t) => ({
        wide: t.scrollWidth > width,
        scrolls: scrolls(t.parentElement),
      })),
    };
  });
}

test('at 375 px nothing is cut off and wide tables scroll in their own box', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(240_000);
  await openReady(page);
  await tinyQuickRun(page, 1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-state')).toHaveText('done', { timeout: 180_000 });
  await expect(page.getByTestId('metric-test-acc')).toBeVisible();
  const seen = await cutOff(page);
  expect(seen.bad, 'elements cut off at the right or left edge').toEqual([]);
  expect(seen.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(seen.width);
  // The layer table at least is wider than a phone: it must scroll, not push the page.
  expect(seen.tables.some((t) => t.wide)).toBe(true);
  expect(seen.tables.filter((t) => t.wide && !t.scrolls)).toEqual([]);
  // A box that scrolls can be reached and scrolled with the keyboard (axe: scrollable-region-focusable).
  expect(await seriousFindings(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
