import { describe, expect, it } from 'vitest';
import { bmpDataUrl, rgbToBmp } from './bmp';

describe('rgbToBmp', () => {
  // 2×2: red, green on top; blue, white below.
  const px = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
  const bmp = rgbToBmp(px, 2, 2);
  const v = new DataView(bmp.buffer);

  it('writes a BITMAPINFOHEADER for 24-bit pixels with rows padded to 4 bytes', () => {
    expect(String.fromCharCode(bmp[0], bmp[1])).toBe('BM');
    // 2 pixels × 3 bytes = 6, padded to 8, 2 rows.
    expect(bmp.length).toBe(54 + 16);
    expect(v.getUint32(2, true)).toBe(70);
    expect(v.getUint32(10, true)).toBe(54);
    expect(v.getInt32(18, true)).toBe(2);
    expect(v.getInt32(22, true)).toBe(2);
    expect(v.getUint16(28, true)).toBe(24);
  });

  it('stores the bottom row first, each pixel as blue, green, red', () => {
    // First row in the file: blue, white (the image's bottom row).
    expect([...bmp.subarray(54, 60)]).toEqual([255, 0, 0, 255, 255, 255]);
    // Then red, green.
    expect([...bmp.subarray(62, 68)]).toEqual([0, 0, 255, 0, 255, 0]);
    // Padding stays zero.
    expect([...bmp.subarray(60, 62)]).toEqual([0, 0]);
  });

  it('makes a data URL of the bytes', () => {
    const url = bmpDataUrl(px, 2, 2);
    expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
    const back = Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0));
    expect([...back]).toEqual([...bmp]);
  });
});
