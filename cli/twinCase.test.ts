import { describe, expect, it } from 'vitest';
import { gather } from './twinCase';
import { workerScript } from './wasmThreads';

describe('gather', () => {
  it('copies the images and labels at the indices, in their order', () => {
    const bytes = 32 * 32 * 3;
    const images = new Uint8Array(3 * bytes);
    for (let i = 0; i < 3; i++) images.fill(10 * (i + 1), i * bytes, (i + 1) * bytes);
    const got = gather({ count: 3, images, labels: Uint8Array.of(7, 8, 9) }, [2, 0]);
    expect(Array.from(got.labels)).toEqual([9, 7]);
    expect(got.images.length).toBe(2 * bytes);
    expect([got.images[0], got.images[bytes - 1], got.images[bytes], got.images[2 * bytes - 1]]).toEqual([
      30, 30, 10, 10,
    ]);
  });
});

describe('workerScript', () => {
  it('escapes newlines as tfjs does, and sends blob: imports to the glue file', () => {
    const script = workerScript('var a="x\ny";', '/tmp/glue.js');
    expect(script.startsWith('var a="x\\ny";')).toBe(true);
    const imported: string[] = [];
    const g = { importScripts: (f: string) => imported.push(f) };
    new Function('global', script.slice(script.indexOf(';{') + 1))(g);
    g.importScripts('blob:nodedata:1234');
    g.importScripts('/other.js');
    expect(imported).toEqual(['/tmp/glue.js', '/other.js']);
  });
});
