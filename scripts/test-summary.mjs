// Prints the closing "N passed, N failed" line from the Vitest and Playwright JSON reports.
// Usage: node scripts/test-summary.mjs <exit code of the test command>
import { existsSync, readFileSync } from 'node:fs';

const exitCode = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

function read(path) {
  if (!existsSync(path)) {
    missing.push(path);
    return null;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A file that fails to load has no test results but counts as a failure.
  failed += (unit.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
}

const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  skipped += e2e.stats?.skipped ?? 0;
}

// Typecheck or lint failing stops `npm test` before a runner writes its report: count it.
if (exitCode !== 0 && failed === 0) {
  failed += 1;
  console.log(
    `The test command failed (exit ${exitCode}) before these reports were written: ${missing.join(', ') || 'none'}`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
