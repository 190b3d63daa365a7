// Checks the coefficient-level JPEG code on real images of the CIFAR-10 archive, and that the
// committed mosaics hold exactly the archive's coefficients. Needs the source archive
// (../shared/cifar10/cifar10-jpeg.tar.gz, or CIFAR10_JPEG_TAR): without it these tests fail, not skip.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegName, readTarGz } from './cifar-archive';
// @ts-expect-error plain ES module without type declarations
import { DEFAULT_ARCHIVE } from './build-cifar.mjs';
// @ts-expect-error plain ES module without type declarations
import * as J from './jpeg-mosaic.mjs';

const archive = process.env.CIFAR10_JPEG_TAR ?? DEFAULT_ARCHIVE;
const dataDir = resolve(__dirname, '../public/data');

describe('JPEG mosaics at the coefficient level', () => {
  if (!existsSync(archive)) {
    it('finds the source archive', () => {
      expect.fail(`CIFAR-10 JPEG archive not found at ${archive}: set CIFAR10_JPEG_TAR to its path`);
    });
    return;
  }
  const { files } = readTarGz(archive);
  const names = [...files.keys()].filter((n) => n.startsWith('train/')).slice(0, 2000);
  const sample = names.filter((_, i) => i % 20 === 0); // 100 images across classes

  it('re-encodes each image to its original scan bytes', () => {
    for (const name of sample) {
      const bytes = files.get(name) as Uint8Array;
      const jpeg = J.parseJpeg(bytes);
      expect(jpeg.frame.width).toBe(32);
      const coef = J.decodeCoefficients(jpeg);
      expect(coef.some((v: number, i: number) => i % 64 !== 0 && v !== 0)).toBe(true);
      const scan = J.encodeCoefficients(jpeg, coef, jpeg.mcusX * jpeg.mcusY);
      const original = bytes.subarray(jpeg.scan.headerEnd, bytes.length - 2);
      expect(Buffer.from(scan).equals(Buffer.from(original))).toBe(true);
    }
  });

  it('builds a mosaic whose tiles have exactly the coefficients of the images', () => {
    const jpegs = sample.map((n) => J.parseJpeg(files.get(n)));
    const tiles = jpegs.map((j) => J.decodeCoefficients(j));
    const mosaic = J.buildMosaic(jpegs[0], tiles.slice(0, 97), 10, 10); // 3 empty cells
    const parsed = J.parseJpeg(mosaic);
    expect([parsed.frame.width, parsed.frame.height]).toEqual([320, 320]);
    const coef = J.decodeCoefficients(parsed);
    for (let k = 0; k < 97; k++) expect(J.tileCoefficients(parsed, coef, k, jpegs[0], 10)).toEqual(tiles[k]);
    expect(J.tileCoefficients(parsed, coef, 99, jpegs[0], 10).every((v: number) => v === 0)).toBe(true);
    // A changed coefficient changes the mosaic: the check can fail.
    tiles[5][64 * 3 + 1] += 1;
    expect(J.tileCoefficients(parsed, coef, 5, jpegs[0], 10)).not.toEqual(tiles[5]);
  });

  it('the committed test mosaic holds the archive images named by labels.bin', () => {
    const manifest = JSON.parse(readFileSync(resolve(dataDir, 'manifest.json'), 'utf8'));
    const part = manifest.parts.find((p: { file: string }) => p.file === 'test_batch.jpg');
    const labels = readFileSync(resolve(dataDir, 'labels.bin'));
    const total = labels.length / 3;
    const parsed = J.parseJpeg(new Uint8Array(readFileSync(resolve(dataDir, part.file))));
    const coef = J.decodeCoefficients(parsed);
    for (let k = 0; k < part.count; k += 37) {
      const at = part.labelOffset + k;
      const src = J.parseJpeg(files.get(jpegName('test', labels[at], labels.readUInt16LE(total + at * 2))));
      expect(J.tileCoefficients(parsed, coef, k, src, part.cols)).toEqual(J.decodeCoefficients(src));
    }
  });

  it('decodes pixels close to the JPEG (Node decoder for fixtures)', () => {
    const rgb = J.decodePixels(J.parseJpeg(files.get(sample[0])));
    expect(rgb).toHaveLength(3072);
    expect(Math.max(...rgb) - Math.min(...rgb)).toBeGreaterThan(40);
  });
});
