import { describe, expect, it } from 'vitest';
import { undecodableProblem } from './undecodable';
import { problem } from '../shared/problem';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('undecodableProblem', () => {
  it('names a PDF, an SVG (bare or with an XML prolog) and plain text', () => {
    expect(undecodableProblem(bytes('%PDF-1.7\n%âãÏÓ'), null)).toEqual(problem('image.pdf'));
    expect(undecodableProblem(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null)).toEqual(
      problem('image.svg'),
    );
    expect(undecodableProblem(bytes('<?xml version="1.0"?>\n<svg></svg>'), null)).toEqual(
      problem('image.svg'),
    );
    expect(undecodableProblem(bytes('just some notes'), null)).toEqual(problem('image.notImage'));
  });

  it('says a recognised image format is damaged rather than "not an image"', () => {
    expect(undecodableProblem(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'jpeg')).toEqual(
      problem('image.damaged', { format: 'JPEG' }),
    );
    expect(undecodableProblem(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'png')).toEqual(
      problem('image.damaged', { format: 'PNG' }),
    );
  });
});
