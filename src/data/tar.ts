// A small reader for tar archives (POSIX ustar, with GNU long names and pax path records), enough
// for the official cifar-10-binary.tar.gz once it is gunzipped. Entries are views into the input.

export interface TarEntry {
  /** Path inside the archive, e.g. "cifar-10-batches-bin/data_batch_1.bin". */
  name: string;
  /** '0' regular file, '5' directory, … (the header's type flag). */
  type: string;
  data: Uint8Array;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function text(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end && bytes[i] !== 0; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function octal(bytes: Uint8Array, start: number, end: number): number {
  if (bytes[start] & 0x80) {
    // GNU base-256 for large sizes: big-endian, top bit of the first byte set.
    let v = bytes[start] & 0x7f;
    for (let i = start + 1; i < end; i++) v = v * 256 + bytes[i];
    return v;
  }
  const s = text(bytes, start, end).trim();
  if (!/^[0-7]*$/.test(s)) throw new TarFormatError(`bad number field "${s}"`);
  return s ? parseInt(s, 8) : 0;
}

function checksumOk(bytes: Uint8Array, pos: number): boolean {
  const stored = octal(bytes, pos + 148, pos + 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : bytes[pos + i];
  return sum === stored;
}

/** Parses `bytes` as a tar archive. Throws TarFormatError if it is not one. */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let longName: string | null = null;
  let paxPath: string | null = null;
  let pos = 0;
  while (pos + 512 <= bytes.length) {
    let allZero = true;
    for (let i = pos; i < pos + 512; i++) {
      if (bytes[i] !== 0) {
        allZero = false;
        break;
      }
    }
    if (allZero) break; // end of archive
    if (!checksumOk(bytes, pos)) throw new TarFormatError(`header at byte ${pos} has a bad checksum`);
    const size = octal(bytes, pos + 124, pos + 136);
    const type = bytes[pos + 156] ? String.fromCharCode(bytes[pos + 156]) : '0';
    let name = text(bytes, pos, pos + 100);
    if (text(bytes, pos + 257, pos + 262) === 'ustar') {
      const prefix = text(bytes, pos + 345, pos + 500);
      if (prefix) name = `${prefix}/${name}`;
    }
    const start = pos + 512;
    if (start + size > bytes.length) throw new TarFormatError(`${name} is cut short`);
    const data = bytes.subarray(start, start + size);
    if (type === 'L') {
      longName = utf8(data).replace(/\0+$/, '');
    } else if (type === 'x') {
      const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(utf8(data));
      if (match) paxPath = match[1];
    } else if (type !== 'g') {
      entries.push({
        name: (paxPath ?? longName ?? name).replace(/^\.\//, ''),
        type: type === '\0' ? '0' : type,
        data,
      });
      longName = null;
      paxPath = null;
    }
    pos = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** Regular files only ('0', or '7' contiguous). */
export function tarFiles(entries: TarEntry[]): TarEntry[] {
  return entries.filter((e) => e.type === '0' || e.type === '7');
}
