#!/usr/bin/env node
// Builds the embedded CIFAR-10 under public/data/ from the 60,000-JPEG archive:
//
//   npm run build:data -- [archive.tar.gz] [outDir]
//   (or CIFAR10_JPEG_TAR=… / CIFAR10_OUT_DIR=…; default ../shared/cifar10/cifar10-jpeg.tar.gz)
//
// Every image of the archive is a 32×32 baseline JPEG with the same header (tables, 4:2:0).
// Each part of the data set (training batches 1…5 and the test set, 10,000 images each) becomes
// ONE 3200×3200 "mosaic" JPEG of 100×100 tiles, assembled losslessly at the level of quantised
// DCT coefficients: each image's scan is entropy-decoded, its four 16×16 MCUs are placed in the
// mosaic, and the whole is Huffman-coded again with the same tables. A browser decodes one such
// file in tens of milliseconds, where 10,000 tiny files take seconds. Every mosaic is decoded
// again here and checked tile by tile against the original coefficients.
//
// Outputs: data_batch_1.jpg … data_batch_5.jpg, test_batch.jpg, labels.bin, manifest.json.

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASS_NAMES, SPLIT_SEED, jpegName, makeSplit, readTarGz } from './cifar-archive';
import { buildMosaic, decodeCoefficients, parseJpeg, tileCoefficients } from './jpeg-mosaic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_ARCHIVE = resolve(root, '../shared/cifar10/cifar10-jpeg.tar.gz');
export const DEFAULT_OUT = resolve(root, 'public/data');
const COLS = 100;
const ROWS = 100;

export const PROVENANCE =
  'CIFAR-10 (Krizhevsky, Nair & Hinton 2009), from a public mirror that re-encoded the official images as ' +
  'JPEG quality 75 4:2:0 — pixel values differ slightly from the official binary release; labels and the ' +
  'train/test split are official.';

const SPLIT_TEXT =
  `The archive groups images by class, so the five training batches are made here, seeded (mulberry32, ` +
  `seed ${SPLIT_SEED}) and stratified: each class's 5,000 training images are shuffled and dealt 1,000 to each ` +
  `batch, then each batch's 10,000 images are shuffled; the 10,000 test images are shuffled too. Every batch ` +
  `holds exactly 1,000 images of every class. Code: src/data/split.ts.`;

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

export function buildCifar(archivePath = DEFAULT_ARCHIVE, outDir = DEFAULT_OUT, log = console.log) {
  const t0 = Date.now();
  log(`reading ${archivePath}`);
  const { gz, files } = readTarGz(archivePath);
  const split = makeSplit(SPLIT_SEED);
  const parts = [
    ...split.batches.map((p, i) => ({ ...p, file: `data_batch_${i + 1}.jpg`, split: 'train', batch: i + 1 })),
    { ...split.test, file: 'test_batch.jpg', split: 'test', batch: null },
  ];

  let reference = null;
  mkdirSync(outDir, { recursive: true });
  const manifestParts = [];
  let labelOffset = 0;
  const total = parts.reduce((s, p) => s + p.labels.length, 0);
  const labelsBin = new Uint8Array(total * 3);
  const idsView = new DataView(labelsBin.buffer, total);

  for (const part of parts) {
    const tiles = [];
    for (let k = 0; k < part.labels.length; k++) {
      const name = jpegName(part.split, part.labels[k], part.ids[k]);
      const bytes = files.get(name);
      if (!bytes) throw new Error(`${name} is missing from the archive`);
      const jpeg = parseJpeg(bytes);
      if (!reference) {
        reference = jpeg;
        const { width, height, components } = jpeg.frame;
        if (width !== 32 || height !== 32 || components.length !== 3 || jpeg.hmax !== 2 || jpeg.vmax !== 2) {
          throw new Error('expected 32×32 YCbCr 4:2:0 JPEGs');
        }
      } else if (Buffer.compare(jpeg.header, reference.header) !== 0) {
        throw new Error(
          `${name} has a different JPEG header (tables or sampling); cannot mosaic it losslessly`,
        );
      }
      tiles.push(decodeCoefficients(jpeg));
      labelsBin[labelOffset + k] = part.labels[k];
      idsView.setUint16((labelOffset + k) * 2, part.ids[k], true);
    }
    const mosaic = buildMosaic(reference, tiles, COLS, ROWS);

    // Check: the mosaic decodes to exactly the coefficients of every tile.
    const parsed = parseJpeg(mosaic);
    const coefficients = decodeCoefficients(parsed);
    for (let k = 0; k < tiles.length; k++) {
      const back = tileCoefficients(parsed, coefficients, k, reference, COLS);
      if (Buffer.compare(Buffer.from(back.buffer), Buffer.from(tiles[k].buffer)) !== 0) {
        throw new Error(`${part.file}: tile ${k} does not round-trip`);
      }
    }
    writeFileSync(resolve(outDir, part.file), mosaic);
    manifestParts.push({
      file: part.file,
      split: part.split,
      batch: part.batch,
      count: part.labels.length,
      labelOffset,
      cols: COLS,
      rows: ROWS,
      width: COLS * 32,
      height: ROWS * 32,
      bytes: mosaic.length,
      sha256: sha256(mosaic),
    });
    labelOffset += part.labels.length;
    log(`${part.file}: ${part.labels.length} images, ${mosaic.length.toLocaleString('en')} bytes`);
  }

  writeFileSync(resolve(outDir, 'labels.bin'), labelsBin);
  const manifest = {
    format: 'alexnet-lab/cifar10-mosaic',
    version: 1,
    name: 'CIFAR-10',
    provenance: PROVENANCE,
    source: {
      archive: basename(archivePath),
      bytes: gz.length,
      sha256: sha256(gz),
      layout: 'train/<class>/NNNN.jpg (5,000 per class), test/<class>/NNNN.jpg (1,000 per class)',
    },
    classes: CLASS_NAMES,
    seed: SPLIT_SEED,
    split: SPLIT_TEXT,
    image: { width: 32, height: 32, channels: 3 },
    mosaic:
      `Each part is one baseline JPEG of ${COLS}×${ROWS} tiles of 32×32, image k at column k % ${COLS}, ` +
      `row floor(k / ${COLS}); the quantised DCT coefficients are exactly those of the source JPEGs.`,
    labels: {
      file: 'labels.bin',
      bytes: labelsBin.length,
      sha256: sha256(labelsBin),
      layout:
        `${total} label bytes (0–9) in storage order (part by part, at each part's labelOffset), then ` +
        `${total} little-endian uint16: each image's NNNN in the source archive's file name.`,
    },
    parts: manifestParts,
    counts: { train: total - split.test.labels.length, test: split.test.labels.length },
  };
  writeFileSync(resolve(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`wrote ${outDir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const archive = process.argv[2] ?? process.env.CIFAR10_JPEG_TAR ?? DEFAULT_ARCHIVE;
  const out = process.argv[3] ?? process.env.CIFAR10_OUT_DIR ?? DEFAULT_OUT;
  buildCifar(resolve(archive), resolve(out));
}
