// axe-core over the page, for the accessibility checks (a11y.spec.ts, narrow.spec.ts).
import AxeBuilder from '@axe-core/playwright';
import { expect } from './fixtures';

/** axe-core's serious and critical findings on the whole page (every panel is on the one page). */
export async function seriousFindings(page: import('@playwright/test').Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  // A scan that checked nothing would find nothing too.
  expect(result.passes.length).toBeGreaterThan(20);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`));
}
