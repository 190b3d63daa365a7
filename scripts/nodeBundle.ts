// One Node bundle of a project entry point (the headless trainer, the Node bench): everything but
// `webgpu` (Dawn, a native addon) and Node's own modules is inlined. Node's ESM loader cannot
// resolve tfjs-core's extensionless internal imports (dist/register_all_gradients), and the GPU
// machine has no node_modules, so npm packages cannot stay external.
import type { UserConfig } from 'vite';

export function nodeBundle(entry: string, outDir: string, fileName: string): UserConfig {
  return {
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, external: ['webgpu'] },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: ['webgpu'],
        output: {
          entryFileNames: fileName,
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
  };
}
