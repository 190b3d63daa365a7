// Bundles the Node bench entry (bench/node.ts) into one file, dist-bench/bench-node.mjs, for
// ../shared/device/prepare-carry.sh: the GPU machine has no node_modules.
import { defineConfig } from 'vite';
import { nodeBundle } from '../scripts/nodeBundle';

export default defineConfig(nodeBundle('bench/node.ts', 'dist-bench', 'bench-node.mjs'));
