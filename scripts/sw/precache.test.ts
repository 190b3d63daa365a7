import { describe, expect, it } from 'vitest';
import { precacheList, precacheVersion } from './precache.ts';

describe('precacheList', () => {
  it('keeps the app, its wasm and the data; drops the worker itself, maps and dot-files', () => {
    const list = precacheList([
      'index.html',
      'assets/main-x.js',
      'assets/main-x.js.map',
      'assets/tfjs-backend-wasm-simd-y.wasm',
      'data\\labels.bin',
      './data/manifest.json',
      'sw.js',
      '.DS_Store',
      'data/.gitkeep',
      'index.html',
    ]);
    expect(list).toEqual([
      'assets/main-x.js',
      'assets/tfjs-backend-wasm-simd-y.wasm',
      'data/labels.bin',
      'data/manifest.json',
      'index.html',
    ]);
  });
});

describe('precacheVersion', () => {
  const a = { path: 'index.html', bytes: '<html>' };
  const b = { path: 'data/labels.bin', bytes: new Uint8Array([1, 2, 3]) };
  it('does not depend on the order of the files', () => {
    expect(precacheVersion([a, b])).toBe(precacheVersion([b, a]));
  });
  it('changes when a file changes, is renamed or added', () => {
    const v = precacheVersion([a, b]);
    expect(precacheVersion([a, { ...b, bytes: new Uint8Array([1, 2, 4]) }])).not.toBe(v);
    expect(precacheVersion([a, { ...b, path: 'data/other.bin' }])).not.toBe(v);
    expect(precacheVersion([a, b, { path: 'x.js', bytes: '' }])).not.toBe(v);
  });
});
