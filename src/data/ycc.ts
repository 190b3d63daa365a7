// Turning the raw planes of a decoded 4:2:0 mosaic (Y at full size, Cb and Cr at half size, as
// WebCodecs' ImageDecoder hands them out) into NHWC RGB images, one 32×32 tile at a time.
//
// Each tile is upsampled on its own, with its edge chroma samples repeated at the tile border, just
// as a decoder does at the border of a lone 32×32 JPEG; so no colour bleeds in from neighbouring
// tiles. The arithmetic is libjpeg-turbo's (the decoder inside Chromium and Firefox):
// "fancy" h2v2 upsampling (a triangle filter, weights 3/4 and 1/4 in each direction) and its
// fixed-point YCbCr→RGB tables, so a tile comes out as that decoder would give the lone JPEG.

const SCALEBITS = 16;
const ONE_HALF = 1 << (SCALEBITS - 1);
const fix = (x: number) => Math.floor(x * (1 << SCALEBITS) + 0.5);

/** libjpeg-turbo's build_ycc_rgb_table, for 8-bit samples. */
const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0; i < 256; i++) {
  const x = i - 128;
  CR_R[i] = (fix(1.402) * x + ONE_HALF) >> SCALEBITS;
  CB_B[i] = (fix(1.772) * x + ONE_HALF) >> SCALEBITS;
  CR_G[i] = -fix(0.71414) * x;
  CB_G[i] = -fix(0.34414) * x + ONE_HALF;
}
/** Clamps y + offset (offset within ±512) to 0…255: CLAMP[v + 512]. */
const CLAMP = new Uint8Array(1280);
for (let i = 0; i < CLAMP.length; i++) CLAMP[i] = Math.max(0, Math.min(255, i - 512));

export interface Plane {
  data: Uint8Array;
  /** Bytes from one row to the next. */
  stride: number;
}

/**
 * Writes tiles 0…count−1 of a mosaic (32×32 tiles, `cols` per row; 16×16 chroma per tile) as
 * images `first`… of `out` (NHWC RGB bytes, 3,072 per image).
 */
export function tilesFromYcc420(
  y: Plane,
  cb: Plane,
  cr: Plane,
  cols: number,
  count: number,
  out: Uint8Array,
  first: number,
): void {
  const cbSum = new Int32Array(16);
  const crSum = new Int32Array(16);
  const cbRow = new Int32Array(32);
  const crRow = new Int32Array(32);
  for (let k = 0; k < count; k++) {
    const tx = k % cols;
    const ty = (k - tx) / cols;
    let d = (first + k) * 3072;
    for (let row = 0; row < 32; row++) {
      const c = row >> 1;
      // The nearer chroma row weighs 3, the other one 1; at the tile's top and bottom, itself.
      const n = row & 1 ? (c === 15 ? 15 : c + 1) : c === 0 ? 0 : c - 1;
      const cbNear = (ty * 16 + c) * cb.stride + tx * 16;
      const cbFar = (ty * 16 + n) * cb.stride + tx * 16;
      const crNear = (ty * 16 + c) * cr.stride + tx * 16;
      const crFar = (ty * 16 + n) * cr.stride + tx * 16;
      for (let j = 0; j < 16; j++) {
        cbSum[j] = cb.data[cbNear + j] * 3 + cb.data[cbFar + j];
        crSum[j] = cr.data[crNear + j] * 3 + cr.data[crFar + j];
      }
      cbRow[0] = (cbSum[0] * 4 + 8) >> 4;
      crRow[0] = (crSum[0] * 4 + 8) >> 4;
      for (let j = 0; j < 16; j++) {
        if (j > 0) {
          cbRow[2 * j] = (cbSum[j] * 3 + cbSum[j - 1] + 8) >> 4;
          crRow[2 * j] = (crSum[j] * 3 + crSum[j - 1] + 8) >> 4;
        }
        if (j < 15) {
          cbRow[2 * j + 1] = (cbSum[j] * 3 + cbSum[j + 1] + 7) >> 4;
          crRow[2 * j + 1] = (crSum[j] * 3 + crSum[j + 1] + 7) >> 4;
        }
      }
      cbRow[31] = (cbSum[15] * 4 + 7) >> 4;
      crRow[31] = (crSum[15] * 4 + 7) >> 4;
      const yOff = (ty * 32 + row) * y.stride + tx * 32;
      for (let x = 0; x < 32; x++) {
        const l = y.data[yOff + x] + 512;
        const u = cbRow[x];
        const v = crRow[x];
        out[d++] = CLAMP[l + CR_R[v]];
        out[d++] = CLAMP[l + ((CB_G[u] + CR_G[v]) >> SCALEBITS)];
        out[d++] = CLAMP[l + CB_B[u]];
      }
    }
  }
}
