import { defineConfig } from 'vite';
import { nodeBundle } from './scripts/nodeBundle';

// Builds the headless trainer (cli/train.ts) for Node as one file; `--mode pretrained` builds the
// pretrained model's manifest writer (cli/pretrainedManifest.ts) instead. TF.js's wasm backend is
// told where its .wasm files are (node_modules), so the bundles run from the project root.
export default defineConfig(({ mode }) =>
  mode === 'pretrained'
    ? nodeBundle('cli/pretrainedManifest.ts', 'dist-cli', 'pretrained-manifest.mjs')
    : nodeBundle('cli/train.ts', 'dist-cli', 'train.mjs'),
);
