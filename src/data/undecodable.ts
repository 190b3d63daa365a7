// Why a file the browser could not decode as a picture was refused, as a Problem: a PDF, an SVG
// drawing, text, or a real image format whose data is damaged or cut short.

import type { ImageFormat } from './imageHeader';
import { problem, type Problem } from '../shared/problem';

const startsWith = (b: Uint8Array, text: string) => text.split('').every((c, i) => b[i] === c.charCodeAt(0));

/**
 * `head`: the file's first bytes; `format`: what its header claimed (null when no image header was
 * recognised). Returns the problem to show the user.
 */
export function undecodableProblem(head: Uint8Array, format: ImageFormat | null): Problem {
  if (startsWith(head, '%PDF')) {
    return problem('image.pdf');
  }
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(0, 512))
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
    return problem('image.svg');
  }
  if (format) {
    return problem('image.damaged', { format: format.toUpperCase() });
  }
  return problem('image.notImage');
}
