// Writes the photo fixtures of e2e/inspect.spec.ts: real CIFAR-10 test images (from
// e2e/fixtures/test_batch.bin) blown up into larger photos, as PNG, with a zlib-only encoder.
//   node scripts/make-image-fixtures.mjs
// ship-640x480.png: record 9 of test_batch.bin (a ship) upscaled ×15 to 480×480 in the middle of a 640×480
// frame whose side bands are a grey gradient — centre-cropping and shrinking gives the 32×32 back.
import { deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const RECORD = 3073;
const batch = readFileSync('e2e/fixtures/test_batch.bin');

/** RGB bytes (32×32×3, interleaved) and label of record i of an official batch (planar R, G, B). */
function cifar(i) {
  const rec = batch.subarray(i * RECORD, (i + 1) * RECORD);
  const rgb = new Uint8Array(32 * 32 * 3);
  for (let p = 0; p < 1024; p++) for (let c = 0; c < 3; c++) rgb[p * 3 + c] = rec[1 + c * 1024 + p];
  return { label: rec[0], rgb };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** 8-bit RGB PNG, filter 0 on every row. */
function png(width, height, rgbAt) {
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0;
    for (let x = 0; x < width; x++) raw.set(rgbAt(x, y), y * (1 + width * 3) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('e2e/fixtures/images', { recursive: true });
const ship = cifar(9);
const photo = png(640, 480, (x, y) => {
  const cx = x - 80;
  if (cx < 0 || cx >= 480) return [y >> 1, y >> 1, y >> 1];
  const p = (Math.floor(y / 15) * 32 + Math.floor(cx / 15)) * 3;
  return [ship.rgb[p], ship.rgb[p + 1], ship.rgb[p + 2]];
});
writeFileSync('e2e/fixtures/images/ship-640x480.png', photo);
console.log(`ship-640x480.png: label ${ship.label}, ${photo.length} bytes`);
