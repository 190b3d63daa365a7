import { describe, expect, it } from 'vitest';
import { centerSquare, checkDimensions, checkFileSize, cropResizeRgb } from './preprocess';

/** RGBA image whose pixel (x, y) is fill(x, y) = [r, g, b]; alpha 255. */
function rgbaImage(w: number, h: number, fill: (x: number, y: number) => number[]): Uint8ClampedArray {
  const a = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = fill(x, y);
      a.set([r, g, b, 255], (y * w + x) * 4);
    }
  return a;
}

describe('centerSquare', () => {
  it('takes the middle of a landscape and of a portrait image', () => {
    expect(centerSquare(640, 480)).toEqual({ x: 80, y: 0, size: 480 });
    expect(centerSquare(30, 50)).toEqual({ x: 0, y: 10, size: 30 });
  });
});

describe('cropResizeRgb', () => {
  it('keeps R, G, B in that order and drops alpha', () => {
    const img = rgbaImage(32, 32, () => [10, 20, 30]);
    const out = cropResizeRgb(img, 32, 32);
    expect(out.length).toBe(32 * 32 * 3);
    expect(Array.from(out.subarray(0, 6))).toEqual([10, 20, 30, 10, 20, 30]);
  });

  it('is the identity for a 32×32 image', () => {
    const img = rgbaImage(32, 32, (x, y) => [x * 7, y * 7, (x + y) * 3]);
    const out = cropResizeRgb(img, 32, 32);
    expect(Array.from(out.subarray((5 * 32 + 9) * 3, (5 * 32 + 9) * 3 + 3))).toEqual([63, 35, 42]);
  });

  it('crops the centre of a landscape image: the red side bands are cut off', () => {
    // 96×64: columns < 16 and ≥ 80 red, the central 64×64 square green.
    const img = rgbaImage(96, 64, (x) => (x < 16 || x >= 80 ? [255, 0, 0] : [0, 255, 0]));
    const out = cropResizeRgb(img, 96, 64);
    for (let p = 0; p < 32 * 32; p++) expect([out[p * 3], out[p * 3 + 1]]).toEqual([0, 255]);
  });

  it('averages the area under each output pixel when shrinking', () => {
    // 64×64 checkerboard of single pixels (0 / 200): every 2×2 block averages to 100.
    const img = rgbaImage(64, 64, (x, y) => ((x + y) % 2 === 0 ? [0, 0, 0] : [200, 200, 200]));
    const out = cropResizeRgb(img, 64, 64);
    expect(new Set(out)).toEqual(new Set([100]));
  });

  it('keeps left/right and top/bottom in place', () => {
    // Top-left quadrant white, rest black, at 320×240.
    const img = rgbaImage(320, 240, (x, y) => (x - 40 < 120 && y < 120 ? [255, 255, 255] : [0, 0, 0]));
    const out = cropResizeRgb(img, 320, 240);
    expect(out[0]).toBe(255); // (0, 0)
    expect(out[(31 * 32 + 31) * 3]).toBe(0); // (31, 31)
    expect(out[(0 * 32 + 31) * 3]).toBe(0); // top-right
    expect(out[(31 * 32 + 0) * 3]).toBe(0); // bottom-left
  });

  it('enlarges a tiny icon by repeating pixels', () => {
    const img = rgbaImage(2, 2, (x, y) => [x * 100, y * 100, 50]);
    const out = cropResizeRgb(img, 2, 2);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 50]);
    expect(Array.from(out.subarray((31 * 32 + 31) * 3, (31 * 32 + 31) * 3 + 3))).toEqual([100, 100, 50]);
  });
});

describe('limits', () => {
  it('refuses empty and oversized files and images', () => {
    expect(checkFileSize(0)).toEqual({ code: 'image.empty' });
    expect(checkFileSize(51 * 1024 * 1024)).toEqual({
      code: 'image.tooLarge',
      params: { mb: '51.0', maxMb: 50 },
    });
    expect(checkFileSize(3_000_000)).toBeNull();
    expect(checkDimensions(6000, 4000)).toBeNull();
    expect(checkDimensions(12_000, 100)).toEqual({
      code: 'image.tooManyPixels',
      params: { width: 12_000, height: 100, max: 10_000 },
    });
  });
});
