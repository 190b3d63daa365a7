import { defineConfig } from 'vite';
import { nodeBundle } from './scripts/nodeBundle';

// Builds the headless trainer (cli/train.ts) for Node as one file. TF.js's wasm backend is told
// where its .wasm files are (node_modules), so the bundle runs from the project root.
export default defineConfig(nodeBundle('cli/train.ts', 'dist-cli', 'train.mjs'));
