import { configDefaults, defineConfig } from 'vitest/config';

// The webgpu kernel tests run on Dawn (npm package `webgpu`) with Debian chromium's SwiftShader
// Vulkan driver. The dynamic loader reads LD_LIBRARY_PATH only when a process starts, so it is
// set for that project's forked test processes here rather than from inside a test.
const WEBGPU_TESTS = 'src/kernels/webgpu/**/*.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // tfjs kernels are CPU-heavy: one file at a time keeps the 2-core machine responsive.
    fileParallelism: false,
    // The JSON report is what .ci/run counts passed/failed tests from.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'scripts/**/*.test.ts',
            'cli/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, WEBGPU_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: 'webgpu',
          include: [WEBGPU_TESTS],
          pool: 'forks',
          env: {
            LD_LIBRARY_PATH: [process.env.LD_LIBRARY_PATH, '/usr/lib/chromium'].filter(Boolean).join(':'),
            VK_ICD_FILENAMES: process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json',
          },
          // Gives Node navigator.gpu before TF.js's webgpu backend is imported.
          setupFiles: ['src/runtime/nodeWebGpu.ts'],
        },
      },
    ],
  },
});
