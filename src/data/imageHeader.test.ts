import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from './imageHeader';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('readImageHeader', () => {
  it('reads a real PNG (the e2e photo fixture, 640×480)', () => {
    const png = new Uint8Array(readFileSync('e2e/fixtures/images/ship-640x480.png'));
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 640, height: 480 });
  });
  it('reads GIF and BMP headers (top-down BMP has a negative height)', () => {
    expect(readImageHeader(bytes('GIF89a', [0x20, 0x03, 0x58, 0x02]))).toEqual({
      format: 'gif',
      width: 800,
      height: 600,
    });
    const bmp = new Uint8Array(26);
    bmp.set(bytes('BM'));
    new DataView(bmp.buffer).setInt32(18, 12000, true);
    new DataView(bmp.buffer).setInt32(22, -30, true);
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 12000, height: 30 });
  });
  it('walks JPEG markers to the frame header', () => {
    // SOI, APP0 of length 16, SOF0: precision 8, height 0x0fa0 = 4000, width 0x1770 = 6000.
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
      new Array(14).fill(0),
      [0xff, 0xc0, 0x00, 0x11, 0x08, 0x0f, 0xa0, 0x17, 0x70, 0x03],
    );
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 6000, height: 4000 });
  });
  it('reads WebP VP8X canvas size', () => {
    const webp = new Uint8Array(30);
    webp.set(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X'));
    webp.set([0x3f, 0x1f, 0x00, 0xdf, 0x0f, 0x00], 24); // 8000 × 4064, stored minus one
    expect(readImageHeader(webp)).toEqual({ format: 'webp', width: 8000, height: 4064 });
  });
  it('says null for text and for a cut-off file', () => {
    expect(readImageHeader(bytes('hello, this is not an image at all'))).toBeNull();
    expect(readImageHeader(bytes([0x89], 'PNG'))).toBeNull();
  });
});
