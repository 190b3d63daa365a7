// Builds the app together with the benchmark page (bench/page/index.html) into dist-bench-page/,
// for bench/browser.mjs: the product build (vite.config.ts) never contains the benchmark.
import { defineConfig, mergeConfig } from 'vite';
import app from '../vite.config';

export default mergeConfig(
  app,
  defineConfig({
    build: {
      outDir: 'dist-bench-page',
      rollupOptions: { input: { main: 'index.html', bench: 'bench/page/index.html' } },
    },
  }),
);
