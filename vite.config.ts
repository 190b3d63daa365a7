import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/sw/plugin.ts';

// Cross-origin isolation lets the wasm backend use SharedArrayBuffer (threads) where it pays.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * Content-Security-Policy of the built app: only this origin, no eval (WebAssembly compilation
 * excepted), no plugins, nothing sent anywhere. Inline styles stay allowed: React and Recharts set
 * style attributes. Not applied in `vite` dev, whose hot-reload preamble is an inline script.
 */
const CSP = [
  "default-src 'self'",
  // blob: the threaded wasm build's pthread Workers importScripts() its glue from a blob URL
  // (only this origin's own scripts can mint one); without it threads fail to start.
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cspMeta: Plugin = {
  name: 'csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
      injectTo: 'head-prepend',
    },
  ],
};

/**
 * The e2e tests' crash and device-loss hooks (window.__alexnetLab): only `vite build --mode e2e`
 * (playwright.config.ts) has them. Elsewhere the constant is false and the hook code is dropped.
 */
const testHooks: Plugin = {
  name: 'test-hooks',
  config: (_, { mode }) => ({
    define: { 'import.meta.env.VITE_TEST_HOOKS': JSON.stringify(mode === 'e2e') },
  }),
};

/**
 * The favicon (public/favicon.svg) inlined into index.html as a data: URL: browsers fetch a
 * favicon late, after the data is ready, and the page makes no request then (e2e/privacy.spec.ts).
 */
const inlineFavicon: Plugin = {
  name: 'inline-favicon',
  transformIndexHtml: (html) =>
    html.replace(
      'href="/favicon.svg"',
      `href="data:image/svg+xml,${encodeURIComponent(
        readFileSync('public/favicon.svg', 'utf8')
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/\s+/g, ' '),
      )}"`,
    ),
};

export default defineConfig({
  plugins: [react(), cspMeta, testHooks, inlineFavicon, serviceWorker()],
  // Vite does not discover dependencies imported only from a Worker; without this list the
  // first page load re-optimises and reloads mid-session.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-cpu',
      'react',
      'react-dom',
      'react-dom/client',
      'recharts',
      'zustand',
      'zustand/react/shallow',
      'idb',
    ],
  },
  worker: { format: 'es' },
  server: { headers: isolation },
  // The preview server also sends the policy as a header, so the Workers run under it too
  // (a <meta> policy covers only the document). frame-ancestors works only as a header.
  preview: { headers: { ...isolation, 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
