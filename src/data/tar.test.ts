import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTar, tarFiles, TarFormatError } from './tar';

function header(name: string, size: number, type = '0', prefix = ''): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, at: number) => {
    for (let i = 0; i < s.length; i++) h[at + i] = s.charCodeAt(i);
  };
  put(name, 0);
  put('0000644\0', 100);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('00000000000\0', 136);
  put('        ', 148);
  put(type, 156);
  put('ustar\0' + '00', 257);
  put(prefix, 345);
  const sum = h.reduce((s, b) => s + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function archive(parts: Uint8Array[]): Uint8Array {
  const padded = parts.map((p) => {
    const out = new Uint8Array(Math.ceil(p.length / 512) * 512);
    out.set(p);
    return out;
  });
  const total = padded.reduce((s, p) => s + p.length, 0) + 1024;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of padded) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('readTar', () => {
  it('reads the fixture archive', () => {
    const gz = readFileSync(resolve(__dirname, '../../e2e/fixtures/cifar-10-binary.tar.gz'));
    const entries = readTar(new Uint8Array(gunzipSync(gz)));
    expect(entries.map((e) => `${e.type} ${e.name}`)).toEqual([
      '5 cifar-10-batches-bin/',
      '0 cifar-10-batches-bin/batches.meta.txt',
      '0 cifar-10-batches-bin/data_batch_1.bin',
      '0 cifar-10-batches-bin/data_batch_3.bin',
      '0 cifar-10-batches-bin/test_batch.bin',
      '0 cifar-10-batches-bin/readme.html',
    ]);
    const files = tarFiles(entries);
    expect(files).toHaveLength(5);
    expect(files[1].data.length).toBe(20 * 3073);
    expect(new TextDecoder().decode(files[0].data).split('\n')[0]).toBe('airplane');
  });

  it('handles ustar prefixes, GNU long names, pax paths and odd sizes', () => {
    const long = 'x/'.repeat(80) + 'long.bin';
    const pax = `${30 + 'deep/pax-name.txt'.length} path=deep/pax-name.txt\n`;
    const paxRecord = `${String(pax.length).padStart(2, '0')}${pax.slice(2)}`;
    const tar = archive([
      header('a.txt', 3, '0', 'pre/fix'),
      enc('abc'),
      header('././@LongLink', long.length + 1, 'L'),
      enc(long + '\0'),
      header('short', 513),
      new Uint8Array(513).fill(7),
      header('PaxHeader', paxRecord.length, 'x'),
      enc(paxRecord),
      header('ignored-name', 1),
      enc('z'),
    ]);
    const entries = readTar(tar);
    expect(entries.map((e) => e.name)).toEqual(['pre/fix/a.txt', long, 'deep/pax-name.txt']);
    expect(new TextDecoder().decode(entries[0].data)).toBe('abc');
    expect(entries[1].data.length).toBe(513);
    expect(entries[1].data[512]).toBe(7);
  });

  it('rejects data that is not tar', () => {
    const junk = new Uint8Array(2048).fill(65);
    expect(() => readTar(junk)).toThrow(TarFormatError);
    const cut = archive([header('a.bin', 5000), new Uint8Array(100)]).subarray(0, 1024);
    expect(() => readTar(cut)).toThrow(/cut short/);
  });
});
