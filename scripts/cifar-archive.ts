// Reading the CIFAR-10 JPEG archive in Node for the build scripts, with the app's own tar reader,
// PRNG and batch split (src/data): the build and the app cannot disagree about which image is in
// which batch. The .mjs scripts that use it run bundled (scripts/vite.scripts.config.ts).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readTar, tarFiles } from '../src/data/tar';
import { CLASS_NAMES } from '../src/shared/types';

export { createRng, shuffleInPlace } from '../src/data/random';
export { SPLIT_SEED, makeSplit } from '../src/data/split';
export { CLASS_NAMES };

/** Regular files of the archive at `path`, as name (without a leading "./") → bytes. */
export function readTarGz(path: string): { gz: Buffer; files: Map<string, Uint8Array> } {
  const gz = readFileSync(path);
  const entries = tarFiles(readTar(new Uint8Array(gunzipSync(gz))));
  return { gz, files: new Map(entries.map((e) => [e.name.replace(/^\.\//, ''), e.data])) };
}

/** The archive's JPEG for split `train`/`test`, class label and id. */
export function jpegName(split: 'train' | 'test', label: number, id: number): string {
  return `${split}/${CLASS_NAMES[label]}/${String(id).padStart(4, '0')}.jpg`;
}
