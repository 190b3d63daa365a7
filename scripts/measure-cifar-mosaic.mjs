#!/usr/bin/env node
// Measures, in headless Chromium, how far the embedded data (tiles cut from the mosaic JPEGs by
// src/data/embedded.ts) is from decoding each source JPEG of the archive on its own, with the
// same decoder call (createImageBitmap, no colour conversion, no premultiplication).
//
//   npx vite build --config scripts/vite.scripts.config.ts && node dist-scripts/measure-cifar-mosaic.mjs [archive.tar.gz] [--limit N] [--decoder auto|image-decoder|bitmap]
//   (N images per part, default all)
//
// The mosaics hold identical quantised coefficients, so the only differences come from chroma
// upsampling that reads one chroma sample across a tile border: expected only on the outermost
// ring of pixels of each image. Prints and returns the statistics.

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorker, runInChromium, serve } from '../bench/data.mjs';
import { jpegName, readTarGz } from './cifar-archive';
import { DEFAULT_ARCHIVE } from './build-cifar.mjs';
import { readFileSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const WORKER = (embedded) => `
import { loadEmbedded } from ${JSON.stringify(embedded)};
async function decodeSmall(blob) {
  const bm = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const c = new OffscreenCanvas(32, 32);
  const ctx = c.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bm, 0, 0);
  bm.close();
  return ctx.getImageData(0, 0, 32, 32).data;
}
self.onmessage = async (e) => {
  try {
    const { base, limit } = e.data;
    const ds = await loadEmbedded(base, undefined, { decoder: e.data.decoder });
    const manifest = await (await fetch(base + 'manifest.json')).json();
    const s = { values: 0, sumAbs: 0, max: 0, differing: 0, ring: { values: 0, sumAbs: 0, max: 0 }, interior: { values: 0, sumAbs: 0, max: 0 }, images: 0, hist: new Array(256).fill(0) };
    let trainFirst = 0, testFirst = 0;
    for (const part of manifest.parts) {
      const set = part.split === 'train' ? ds.train : ds.test;
      const first = part.split === 'train' ? trainFirst : testFirst;
      if (part.split === 'train') trainFirst += part.count; else testFirst += part.count;
      const bytes = new Uint8Array(await (await fetch('/jpegs/' + part.file + '.bin')).arrayBuffer());
      const offsets = await (await fetch('/jpegs/' + part.file + '.json')).json();
      const n = Math.min(limit, part.count);
      const blob = new Blob([bytes], { type: 'image/jpeg' });
      for (let k0 = 0; k0 < n; k0 += 32) {
        const ks = []; for (let k = k0; k < Math.min(n, k0 + 32); k++) ks.push(k);
        const decoded = await Promise.all(ks.map((k) => decodeSmall(blob.slice(offsets[k], offsets[k + 1], 'image/jpeg'))));
        ks.forEach((k, j) => {
          const px = decoded[j];
          const img = set.images.subarray((first + k) * 3072, (first + k + 1) * 3072);
          for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) {
            const onRing = x === 0 || y === 0 || x === 31 || y === 31;
            const r = onRing ? s.ring : s.interior;
            for (let c = 0; c < 3; c++) {
              const d = Math.abs(px[(y * 32 + x) * 4 + c] - img[(y * 32 + x) * 3 + c]);
              s.values++; s.sumAbs += d; s.hist[d]++; if (d) s.differing++; if (d > s.max) s.max = d;
              r.values++; r.sumAbs += d; if (d > r.max) r.max = d;
            }
          }
          s.images++;
        });
      }
    }
    self.postMessage({ ok: true, stats: s });
  } catch (err) {
    self.postMessage({ ok: false, error: String((err && err.stack) || err) });
  }
};`;

export async function measureMosaic({
  archive = DEFAULT_ARCHIVE,
  limit = 10000,
  decoder = 'auto',
  log = console.log,
} = {}) {
  const { files } = readTarGz(archive);
  const manifest = JSON.parse(readFileSync(resolve(root, 'public/data/manifest.json'), 'utf8'));
  const labelsBin = readFileSync(resolve(root, 'public/data/labels.bin'));
  const total = labelsBin.length / 3;
  const routes = {};
  for (const part of manifest.parts) {
    const chunks = [];
    const offsets = [0];
    for (let k = 0; k < part.count; k++) {
      const i = part.labelOffset + k;
      const name = jpegName(part.split, labelsBin[i], labelsBin.readUInt16LE(total + i * 2));
      const bytes = files.get(name);
      chunks.push(bytes);
      offsets.push(offsets[offsets.length - 1] + bytes.length);
    }
    routes[`/jpegs/${part.file}.bin`] = { type: 'application/octet-stream', body: Buffer.concat(chunks) };
    routes[`/jpegs/${part.file}.json`] = { type: 'application/json', body: JSON.stringify(offsets) };
  }
  const code = await bundleWorker(WORKER(resolve(root, 'src/data/embedded.ts')));
  routes['/worker.js'] = { type: 'text/javascript', body: code };
  routes['/'] = {
    type: 'text/html',
    body: `<!doctype html><script type="module">
const w = new Worker('/worker.js', { type: 'module' });
w.onmessage = (e) => { window.__result = e.data; };
w.onerror = (e) => { window.__result = { ok: false, error: e.message }; };
w.postMessage({ base: location.origin + '/data/', limit: ${Number(limit)}, decoder: ${JSON.stringify(decoder)} });
</script>`,
  };
  const server = await serve(routes);
  try {
    const [r] = await runInChromium(`${server.url}/`, { timeoutMs: 600_000 });
    if (!r.ok) throw new Error(r.error);
    const s = r.stats;
    const out = {
      images: s.images,
      meanAbs: s.sumAbs / s.values,
      max: s.max,
      fractionDiffering: s.differing / s.values,
      ringMeanAbs: s.ring.sumAbs / s.ring.values,
      ringMax: s.ring.max,
      interiorMeanAbs: s.interior.sumAbs / s.interior.values,
      interiorMax: s.interior.max,
      histogram: Object.fromEntries(s.hist.map((n, d) => [d, n]).filter(([, n]) => n > 0)),
    };
    log(JSON.stringify(out, null, 2));
    return out;
  } finally {
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const li = args.indexOf('--limit');
  const limit = li >= 0 ? Number(args.splice(li, 2)[1]) : 10000;
  const di = args.indexOf('--decoder');
  const decoder = di >= 0 ? args.splice(di, 2)[1] : 'auto';
  measureMosaic({ archive: args[0] ? resolve(args[0]) : DEFAULT_ARCHIVE, limit, decoder }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
