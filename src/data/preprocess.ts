// Turns a user's photo into what the network sees: the central square, shrunk to 32×32 RGB bytes.
// Pure (no DOM, no TF.js): the Worker decodes the file and hands the RGBA pixels here.
//
// Why centre-crop then resize: CIFAR-10 images are square and the object fills most of the frame.
// Squashing a 4:3 photo to a square would distort shapes the filters learnt; padding would waste
// pixels on borders CIFAR never has. Cropping the centre keeps proportions, like the paper's own
// ImageNet preprocessing (rescale the short side, take the central patch).

import { problem, type Problem } from '../shared/problem';

/** Files above this many bytes are refused before decoding. */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Decoded images wider or taller than this are refused (a 24-megapixel photo is ~6000×4000). */
export const MAX_IMAGE_SIDE = 10_000;

/** Why a file of `bytes` bytes is refused, or null when it may be decoded. */
export function checkFileSize(bytes: number): Problem | null {
  if (bytes === 0) return problem('image.empty');
  if (bytes > MAX_IMAGE_BYTES)
    return problem('image.tooLarge', {
      mb: (bytes / 1024 / 1024).toFixed(1),
      maxMb: MAX_IMAGE_BYTES / 1024 / 1024,
    });
  return null;
}

/** Why a decoded image is refused, or null when its size is fine. */
export function checkDimensions(width: number, height: number): Problem | null {
  if (width < 1 || height < 1) return problem('image.noPixels');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE)
    return problem('image.tooManyPixels', { width, height, max: MAX_IMAGE_SIDE });
  return null;
}

/** The largest centred square of a width×height image: its top-left corner and side. */
export function centerSquare(width: number, height: number): { x: number; y: number; size: number } {
  const size = Math.min(width, height);
  return { x: Math.floor((width - size) / 2), y: Math.floor((height - size) / 2), size };
}

/**
 * Centre-crops RGBA pixels to a square and resizes it to out×out by area averaging: each output
 * pixel is the mean of the source pixels its square covers (partial pixels weighted by overlap),
 * so shrinking a large photo does not alias. Enlarging a small icon repeats pixels (nearest).
 * @param rgba width×height×4 bytes, row-major (ImageData layout)
 * @returns out×out×3 RGB bytes, row-major, alpha dropped (the CIFAR byte layout of ImageSet)
 */
export function cropResizeRgb(rgba: ArrayLike<number>, width: number, height: number, out = 32): Uint8Array {
  const sq = centerSquare(width, height);
  const scale = sq.size / out;
  const result = new Uint8Array(out * out * 3);
  for (let oy = 0; oy < out; oy++) {
    const y0 = sq.y + oy * scale;
    const y1 = y0 + scale;
    for (let ox = 0; ox < out; ox++) {
      const x0 = sq.x + ox * scale;
      const x1 = x0 + scale;
      const sum = [0, 0, 0];
      let weight = 0;
      // Source pixels touched by [x0, x1) × [y0, y1); at least one even when scale < 1.
      const yEnd = Math.max(Math.floor(y0) + 1, Math.ceil(y1));
      const xEnd = Math.max(Math.floor(x0) + 1, Math.ceil(x1));
      for (let sy = Math.floor(y0); sy < yEnd; sy++) {
        const wy = scale >= 1 ? Math.min(sy + 1, y1) - Math.max(sy, y0) : 1;
        for (let sx = Math.floor(x0); sx < xEnd; sx++) {
          const wx = scale >= 1 ? Math.min(sx + 1, x1) - Math.max(sx, x0) : 1;
          const w = wx * wy;
          const i = (sy * width + sx) * 4;
          sum[0] += rgba[i] * w;
          sum[1] += rgba[i + 1] * w;
          sum[2] += rgba[i + 2] * w;
          weight += w;
        }
      }
      const o = (oy * out + ox) * 3;
      for (let c = 0; c < 3; c++) result[o + c] = Math.round(sum[c] / weight);
    }
  }
  return result;
}
