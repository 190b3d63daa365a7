import { defineConfig } from '@playwright/test';

// The e2e tests use the system's Chromium (Debian: `apt-get install chromium`).
// Point CHROMIUM_PATH elsewhere on other machines, e.g. to Google Chrome.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath,
      args: ['--enable-unsafe-webgpu', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The production build plus the test hooks (mode e2e: window.__alexnetLab); the wasm files
    // and data are served from it.
    command: `npx vite build --mode e2e --logLevel warn && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
  },
});
