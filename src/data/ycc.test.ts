import { describe, expect, it } from 'vitest';
import { cutMosaic } from './embedded';
import { createRng } from './random';
import { tilesFromYcc420 } from './ycc';

/** A plain re-statement of libjpeg-turbo's h2v2 fancy upsampling + YCbCr→RGB for one lone 32×32 tile. */
function reference(y: number[][], cb: number[][], cr: number[][]): number[] {
  const at = (p: number[][], r: number, c: number) =>
    p[Math.min(15, Math.max(0, r))][Math.min(15, Math.max(0, c))];
  const up = (p: number[][], row: number, x: number) => {
    const r = row >> 1;
    const other = row % 2 ? r + 1 : r - 1;
    const col = (c: number) => 3 * at(p, r, c) + at(p, other, c);
    const j = x >> 1;
    if (x % 2 === 0) return j === 0 ? (4 * col(0) + 8) >> 4 : (3 * col(j) + col(j - 1) + 8) >> 4;
    return j === 15 ? (4 * col(15) + 7) >> 4 : (3 * col(j) + col(j + 1) + 7) >> 4;
  };
  const fix = (v: number) => Math.floor(v * 65536 + 0.5);
  const clamp = (v: number) => Math.max(0, Math.min(255, v));
  const out: number[] = [];
  for (let row = 0; row < 32; row++) {
    for (let x = 0; x < 32; x++) {
      const l = y[row][x];
      const u = up(cb, row, x) - 128;
      const v = up(cr, row, x) - 128;
      out.push(clamp(l + ((fix(1.402) * v + 32768) >> 16)));
      out.push(clamp(l + ((-fix(0.34414) * u - fix(0.71414) * v + 32768) >> 16)));
      out.push(clamp(l + ((fix(1.772) * u + 32768) >> 16)));
    }
  }
  return out;
}

describe('tilesFromYcc420', () => {
  it('upsamples each tile alone, as a decoder does a lone 32×32 JPEG', () => {
    const rng = createRng(3);
    const cols = 3;
    const count = 5; // a 3×2 grid with one empty cell
    const W = cols * 32;
    const H = 2 * 32;
    const Y = Uint8Array.from({ length: W * H }, () => Math.floor(rng() * 256));
    const Cb = Uint8Array.from({ length: (W / 2) * (H / 2) }, () => Math.floor(rng() * 256));
    const Cr = Uint8Array.from({ length: (W / 2) * (H / 2) }, () => Math.floor(rng() * 256));
    const out = new Uint8Array((count + 1) * 3072);
    tilesFromYcc420(
      { data: Y, stride: W },
      { data: Cb, stride: W / 2 },
      { data: Cr, stride: W / 2 },
      cols,
      count,
      out,
      1,
    );
    expect(out.subarray(0, 3072).every((v) => v === 0)).toBe(true); // image 0 untouched (first = 1)
    for (let k = 0; k < count; k++) {
      const tx = k % cols;
      const ty = Math.floor(k / cols);
      const yt = Array.from({ length: 32 }, (_, r) =>
        Array.from(Y.subarray((ty * 32 + r) * W + tx * 32, (ty * 32 + r) * W + tx * 32 + 32)),
      );
      const plane = (p: Uint8Array) =>
        Array.from({ length: 16 }, (_, r) =>
          Array.from(p.subarray((ty * 16 + r) * (W / 2) + tx * 16, (ty * 16 + r) * (W / 2) + tx * 16 + 16)),
        );
      expect(Array.from(out.subarray((1 + k) * 3072, (2 + k) * 3072))).toEqual(
        reference(yt, plane(Cb), plane(Cr)),
      );
    }
  });

  it('gives grey for neutral chroma', () => {
    const out = new Uint8Array(3072);
    const flat = (n: number, v: number) => new Uint8Array(n).fill(v);
    tilesFromYcc420(
      { data: flat(1024, 77), stride: 32 },
      { data: flat(256, 128), stride: 16 },
      { data: flat(256, 128), stride: 16 },
      1,
      1,
      out,
      0,
    );
    expect(out.every((v) => v === 77)).toBe(true);
  });
});

describe('cutMosaic', () => {
  it('cuts RGBA tiles into NHWC RGB images (fast path and byte path agree)', () => {
    const cols = 3;
    const W = cols * 32;
    const rgba = Uint8ClampedArray.from({ length: W * 64 * 4 }, (_, i) => (i * 7 + (i >> 10)) % 256);
    const fast = new Uint8Array(6 * 3072);
    cutMosaic(rgba, W, cols, 5, fast, 1);
    // The byte path runs when the input is not 4-byte aligned.
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const slow = new Uint8Array(6 * 3072);
    cutMosaic(shifted.subarray(1), W, cols, 5, slow, 1);
    expect(slow).toEqual(fast);
    // Image 1 + 4 = tile 4 (column 1, row 1), pixel (y 5, x 9), green.
    const s = ((32 + 5) * W + 32 + 9) * 4 + 1;
    expect(fast[5 * 3072 + (5 * 32 + 9) * 3 + 1]).toBe(rgba[s]);
    expect(fast.subarray(0, 3072).every((v) => v === 0)).toBe(true);
  });
});
