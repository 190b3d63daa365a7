import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'cli/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // tfjs kernels are CPU-heavy: one file at a time keeps the 2-core machine responsive.
    fileParallelism: false,
    // The JSON report is what .ci/run counts passed/failed tests from.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
