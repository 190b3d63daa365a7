// Bundles the Node bench entry (bench/node.ts) into one file, dist-bench/bench-node.mjs, for
// ../shared/device/prepare-carry.sh: everything but `webgpu` (Dawn, a native addon the carry
// ships beside it) and Node's own modules is inlined, since the GPU machine has no node_modules.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: true, external: ['webgpu'] },
  build: {
    ssr: 'bench/node.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      external: ['webgpu'],
      output: {
        entryFileNames: 'bench-node.mjs',
        codeSplitting: false,
        // The Emscripten glue of tfjs-backend-wasm is CommonJS and reads __dirname/require.
        banner: [
          "import { createRequire as __cr } from 'node:module';",
          "import { fileURLToPath as __fu } from 'node:url';",
          "import { dirname as __dn } from 'node:path';",
          'const require = __cr(import.meta.url);',
          'const __filename = __fu(import.meta.url);',
          'const __dirname = __dn(__filename);',
        ].join('\n'),
      },
    },
  },
});
