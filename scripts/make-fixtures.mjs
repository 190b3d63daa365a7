#!/usr/bin/env node
// Writes small files in the official CIFAR-10 binary format (and broken ones) to e2e/fixtures/,
// made from REAL images of the JPEG archive, for the unit tests of src/data and for e2e tests:
//
//   npx vite build --config scripts/vite.scripts.config.ts && node dist-scripts/make-fixtures.mjs [archive.tar.gz]
//
// The images are the first ones of the embedded data's storage order (src/data/split.ts), so
// data_batch_1.bin's labels equal the first labels of public/data/labels.bin. Pixels are decoded
// from the JPEGs here in Node (float IDCT, chroma replicated): close to, not bit-identical with,
// what a browser decodes. Everything is deterministic; see e2e/fixtures/README.md for the list.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';
import { createRng, jpegName, makeSplit, readTarGz } from './cifar-archive';
import { DEFAULT_ARCHIVE } from './build-cifar.mjs';
import { decodePixels, parseJpeg } from './jpeg-mosaic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'e2e/fixtures');
const RECORD = 3073;

/** Official records for images `from…to` of a split part: label, then R, G, B planes. */
function records(files, split, part, from, to) {
  const out = new Uint8Array((to - from) * RECORD);
  for (let k = from; k < to; k++) {
    const rgb = decodePixels(parseJpeg(files.get(jpegName(split, part.labels[k], part.ids[k]))));
    const o = (k - from) * RECORD;
    out[o] = part.labels[k];
    for (let p = 0; p < 1024; p++) {
      out[o + 1 + p] = rgb[p * 3];
      out[o + 1 + 1024 + p] = rgb[p * 3 + 1];
      out[o + 1 + 2048 + p] = rgb[p * 3 + 2];
    }
  }
  return out;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A real 32×32 RGB PNG of the first image of a records buffer. */
function png(recs) {
  const raw = new Uint8Array(32 * (1 + 96));
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      for (let c = 0; c < 3; c++) raw[y * 97 + 1 + x * 3 + c] = recs[1 + c * 1024 + y * 32 + x];
    }
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(32, 0);
  ihdr.writeUInt32BE(32, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** A ustar archive of [name, bytes] (a name ending in / is a directory). Fixed mtime: reproducible. */
function tar(entries) {
  const blocks = [];
  for (const [name, data] of entries) {
    const dir = name.endsWith('/');
    const h = Buffer.alloc(512);
    h.write(name, 0, 'utf8');
    h.write(dir ? '0000755\0' : '0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${(dir ? 0 : data.length).toString(8).padStart(11, '0')}\0`, 124);
    h.write(`${(1262304000).toString(8).padStart(11, '0')}\0`, 136); // 2010-01-01
    h.write('        ', 148);
    h.write(dir ? '5' : '0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h);
    if (!dir) {
      blocks.push(Buffer.from(data));
      const pad = (512 - (data.length % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export function makeFixtures(archive = DEFAULT_ARCHIVE, out = OUT, log = console.log) {
  const { files } = readTarGz(archive);
  const split = makeSplit();
  const [b1, b2, b3] = split.batches;
  mkdirSync(out, { recursive: true });
  const write = (name, bytes) => {
    writeFileSync(resolve(out, name), bytes);
    log(`${name}: ${bytes.length.toLocaleString('en')} bytes`);
  };

  const batch1 = records(files, 'train', b1, 0, 100);
  write('data_batch_1.bin', batch1);
  write('data_batch_2.bin', records(files, 'train', b2, 0, 50));
  write('test_batch.bin', records(files, 'test', split.test, 0, 100));
  write('truncated.bin', batch1.subarray(0, RECORD * 10 + 1234));
  const rng = createRng(12345);
  const random = Uint8Array.from({ length: RECORD * 4 }, () => Math.floor(rng() * 256));
  random[0] = 200; // documented: "record 1 has label 200"
  write('random.bin', random);
  write('png-renamed.bin', png(batch1));
  write('empty.bin', new Uint8Array(0));
  // Three CIFAR-100-style records (2 label bytes: coarse, fine): 9,222 bytes.
  const c100 = new Uint8Array(3074 * 3);
  for (let i = 0; i < 3; i++) {
    c100[i * 3074] = 11;
    c100[i * 3074 + 1] = 42;
    c100.set(batch1.subarray(i * RECORD + 1, (i + 1) * RECORD), i * 3074 + 2);
  }
  write('cifar100-like.bin', c100);

  const meta = Buffer.from(
    'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n',
    'latin1',
  );
  const readme = Buffer.from(
    '<html><body>Small test archive in the layout of cifar-10-binary.tar.gz.</body></html>\n',
  );
  const goodTar = tar([
    ['cifar-10-batches-bin/', null],
    ['cifar-10-batches-bin/batches.meta.txt', meta],
    ['cifar-10-batches-bin/data_batch_1.bin', batch1.subarray(0, RECORD * 20)],
    ['cifar-10-batches-bin/data_batch_3.bin', records(files, 'train', b3, 0, 20)],
    ['cifar-10-batches-bin/test_batch.bin', records(files, 'test', split.test, 0, 20)],
    ['cifar-10-batches-bin/readme.html', readme],
  ]);
  const gz = gzipSync(goodTar, { level: 9, mtime: 0 });
  gz[4] = gz[5] = gz[6] = gz[7] = 0; // no timestamp: reproducible
  write('cifar-10-binary.tar.gz', gz);
  const damaged = Buffer.from(gz);
  for (let i = 40; i < 60; i++) damaged[i] ^= 0x5a;
  write('damaged.tar.gz', damaged);
  write('not-gzip.tar.gz', random.subarray(0, 5000));
  const noBatch = gzipSync(
    tar([
      ['cifar-10-batches-bin/', null],
      ['cifar-10-batches-bin/batches.meta.txt', meta],
      ['cifar-10-batches-bin/readme.html', readme],
    ]),
  );
  noBatch[4] = noBatch[5] = noBatch[6] = noBatch[7] = 0;
  write('no-batches.tar.gz', noBatch);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  makeFixtures(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_ARCHIVE);
}
