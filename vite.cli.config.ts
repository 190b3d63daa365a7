import { defineConfig } from 'vite';

// Builds the headless trainer (cli/train.ts) for Node: npm packages stay external and load from
// node_modules, so TF.js's wasm backend finds its .wasm files there.
export default defineConfig({
  build: {
    ssr: 'cli/train.ts',
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'train.mjs' } },
  },
  logLevel: 'warn',
});
