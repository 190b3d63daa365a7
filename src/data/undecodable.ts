// Why a file the browser could not decode as a picture was refused, in plain words: a PDF, an SVG
// drawing, text, or a real image format whose data is damaged or cut short.

import type { ImageFormat } from './imageHeader';

const startsWith = (b: Uint8Array, text: string) => text.split('').every((c, i) => b[i] === c.charCodeAt(0));

/**
 * `head`: the file's first bytes; `format`: what its header claimed (null when no image header was
 * recognised). Returns the message for the user.
 */
export function undecodableMessage(head: Uint8Array, format: ImageFormat | null): string {
  if (startsWith(head, '%PDF')) {
    return 'This is a PDF document, not a picture. Export the page as PNG or JPEG and drop that.';
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 512))
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
    return 'SVG drawings are not supported: save it as PNG or JPEG and drop that.';
  }
  if (format) {
    return `This ${format.toUpperCase()} file is damaged or incomplete: the browser could not decode its pixels.`;
  }
  return 'This file is not an image the browser can read (PNG, JPEG, WebP, GIF or BMP).';
}
