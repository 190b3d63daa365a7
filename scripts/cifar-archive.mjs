// Reading the CIFAR-10 JPEG archive in Node, and the seeded split of its training images into
// five batches. The split mirrors src/data/split.ts and src/data/random.ts line for line (this
// script runs in plain Node 20, which cannot import TypeScript); src/data/split.test.ts checks
// the committed labels file against the TypeScript version.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const CLASS_NAMES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];
export const SPLIT_SEED = 2009;
export const TRAIN_PER_CLASS = 5000;
export const TEST_PER_CLASS = 1000;
export const TRAIN_BATCHES = 5;

/** Regular files of a (ustar or old-style) tar, as name → bytes (views into `tar`). */
export function readTar(tar) {
  const files = new Map();
  const text = (a, b) => {
    let s = '';
    for (let i = a; i < b && tar[i] !== 0; i++) s += String.fromCharCode(tar[i]);
    return s;
  };
  let longName = null;
  for (let pos = 0; pos + 512 <= tar.length;) {
    if (tar[pos] === 0) break; // end-of-archive block
    const size = parseInt(text(pos + 124, pos + 136).trim() || '0', 8);
    const type = String.fromCharCode(tar[pos + 156] || 48);
    let name = text(pos, pos + 100);
    if (text(pos + 257, pos + 262) === 'ustar') {
      const prefix = text(pos + 345, pos + 500);
      if (prefix) name = `${prefix}/${name}`;
    }
    const data = tar.subarray(pos + 512, pos + 512 + size);
    if (type === 'L') longName = text(pos + 512, pos + 512 + size);
    else {
      if (longName) name = longName;
      longName = null;
      if (type === '0' || type === '7') files.set(name.replace(/^\.\//, ''), data);
    }
    pos += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export function readTarGz(path) {
  const gz = readFileSync(path);
  return { gz, files: readTar(new Uint8Array(gunzipSync(gz))) };
}

/** The archive's JPEG for split `train`/`test`, class label and id. */
export function jpegName(split, label, id) {
  return `${split}/${CLASS_NAMES[label]}/${String(id).padStart(4, '0')}.jpg`;
}

// ---- Mirror of src/data/random.ts ----

export function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace(array, rng) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}

// ---- Mirror of src/data/split.ts (see there for the rule) ----

function unpack(items) {
  const labels = new Uint8Array(items.length);
  const ids = new Uint16Array(items.length);
  for (let k = 0; k < items.length; k++) {
    labels[k] = Math.floor(items[k] / 10000);
    ids[k] = items[k] % 10000;
  }
  return { labels, ids };
}

export function makeSplit(seed = SPLIT_SEED) {
  const rng = createRng(seed);
  const classes = CLASS_NAMES.length;
  const perBatch = TRAIN_PER_CLASS / TRAIN_BATCHES;
  const classIds = [];
  for (let c = 0; c < classes; c++) {
    const ids = new Uint32Array(TRAIN_PER_CLASS);
    for (let i = 0; i < ids.length; i++) ids[i] = i;
    classIds.push(shuffleInPlace(ids, rng));
  }
  const batches = [];
  for (let b = 0; b < TRAIN_BATCHES; b++) {
    const items = new Uint32Array(perBatch * classes);
    let k = 0;
    for (let c = 0; c < classes; c++) {
      for (let j = 0; j < perBatch; j++) items[k++] = c * 10000 + classIds[c][b * perBatch + j];
    }
    batches.push(unpack(shuffleInPlace(items, rng)));
  }
  const testItems = new Uint32Array(TEST_PER_CLASS * classes);
  let k = 0;
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < TEST_PER_CLASS; j++) testItems[k++] = c * 10000 + j;
  }
  return { batches, test: unpack(shuffleInPlace(testItems, rng)) };
}
