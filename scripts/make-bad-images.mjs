// Writes e2e/fixtures/bad-images/: files dropped on the classifier that must be refused with a
// message (or, for the 1×1 picture, classified): a PDF, an SVG, a JPEG cut short, a PNG whose
// header claims 10,000×10,000 but holds no pixels, and a valid 1×1 PNG.
//   node scripts/make-bad-images.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = 'e2e/fixtures/bad-images';
mkdirSync(out, { recursive: true });

/** CRC-32 as PNG chunks use it. */
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(width, height, rgbRows) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (rgbRows) parts.push(chunk('IDAT', deflateSync(rgbRows)));
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

writeFileSync(`${out}/one-pixel.png`, png(1, 1, Buffer.from([0, 200, 40, 40])));
writeFileSync(`${out}/claims-10000x10000.png`, png(10_000, 10_000, null));
writeFileSync(
  `${out}/document.pdf`,
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
writeFileSync(
  `${out}/drawing.svg`,
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="red"/></svg>\n',
);
// A real JPEG (the test mosaic), cut after 2,000 bytes: the header is fine, the pixels are gone.
writeFileSync(`${out}/cut-short.jpg`, readFileSync('public/data/test_batch.jpg').subarray(0, 2000));
console.log(`written: ${out}/`);
