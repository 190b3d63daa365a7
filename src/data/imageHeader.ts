// Reads an image's width and height from the first bytes of its file, without decoding it, so an
// oversized picture (say 20,000×20,000: 1.6 GB of RGBA) is refused before the browser tries.
// Pure. Knows PNG, GIF, BMP, JPEG (first SOF marker) and WebP (VP8, VP8L, VP8X).

export type ImageFormat = 'png' | 'gif' | 'bmp' | 'jpeg' | 'webp';

/** Format and size, or null when the bytes are not one of the formats above (or are cut short). */
export function readImageHeader(
  b: Uint8Array,
): { format: ImageFormat; width: number; height: number } | null {
  const u16le = (i: number) => b[i] | (b[i + 1] << 8);
  const u16be = (i: number) => (b[i] << 8) | b[i + 1];
  const u32be = (i: number) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
  const i32le = (i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
  const ascii = (i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));
  if (b.length >= 24 && b[0] === 0x89 && ascii(1, 3) === 'PNG')
    return { format: 'png', width: u32be(16), height: u32be(20) };
  if (b.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a'))
    return { format: 'gif', width: u16le(6), height: u16le(8) };
  if (b.length >= 26 && ascii(0, 2) === 'BM')
    // Height is negative for top-down bitmaps.
    return { format: 'bmp', width: Math.abs(i32le(18)), height: Math.abs(i32le(22)) };
  if (b.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const kind = ascii(12, 4);
    if (kind === 'VP8 ') return { format: 'webp', width: u16le(26) & 0x3fff, height: u16le(28) & 0x3fff };
    if (kind === 'VP8L') {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (kind === 'VP8X')
      return {
        format: 'webp',
        width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)),
        height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)),
      };
    return null;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the markers to the first start-of-frame (SOF0…SOF15 except DHT, JPG, DAC).
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const len = u16be(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { format: 'jpeg', width: u16be(i + 7), height: u16be(i + 5) };
      i += 2 + len;
    }
    return null;
  }
  return null;
}
