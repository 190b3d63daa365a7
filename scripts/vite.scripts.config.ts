// Bundles the data-build scripts for Node into dist-scripts/, so that they can use the app's
// TypeScript (src/data) instead of copies of it. npm packages stay external.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-scripts',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        'build-cifar': 'scripts/build-cifar.mjs',
        'make-fixtures': 'scripts/make-fixtures.mjs',
        'measure-cifar-mosaic': 'scripts/measure-cifar-mosaic.mjs',
      },
      output: { entryFileNames: '[name].mjs' },
    },
  },
});
