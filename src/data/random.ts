// A small seeded PRNG (mulberry32) and a Fisher–Yates shuffle, for anything that must be
// reproducible from a seed: the embedded data's batch split (built by scripts/, which imports
// this file), quick subsets, training order.

/** Anything indexable and writable: plain arrays and typed arrays. */
export interface MutableArrayLike<T> {
  length: number;
  [index: number]: T;
}

/** mulberry32: a fast 32-bit generator. Returns a function giving numbers in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place (from the last element down); returns the same array. */
export function shuffleInPlace<A extends MutableArrayLike<unknown>>(array: A, rng: () => number): A {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}
