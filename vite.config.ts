import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets the wasm backend use SharedArrayBuffer (threads) where it pays.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
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
    ],
  },
  worker: { format: 'es' },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // bench.html is the page `npm run bench` drives in headless Chromium.
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
});
