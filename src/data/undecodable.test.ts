import { describe, expect, it } from 'vitest';
import { undecodableMessage } from './undecodable';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('undecodableMessage', () => {
  it('names a PDF, an SVG (bare or with an XML prolog) and plain text', () => {
    expect(undecodableMessage(bytes('%PDF-1.7\n%âãÏÓ'), null)).toMatch(/PDF document/);
    expect(undecodableMessage(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null)).toMatch(/SVG/);
    expect(undecodableMessage(bytes('<?xml version="1.0"?>\n<svg></svg>'), null)).toMatch(/SVG/);
    expect(undecodableMessage(bytes('just some notes'), null)).toMatch(/not an image/);
  });

  it('says a recognised image format is damaged rather than "not an image"', () => {
    expect(undecodableMessage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'jpeg')).toMatch(
      /JPEG file is damaged/,
    );
    expect(undecodableMessage(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'png')).toMatch(
      /PNG file is damaged/,
    );
  });
});
