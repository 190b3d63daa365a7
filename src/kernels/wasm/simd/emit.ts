// Instruction sequences both SIMD kernels (lrnSimd.ts, maxPoolGradSimd.ts) are built from:
// counted loops and pointer arithmetic over i32 locals that hold byte offsets into the heap.
// Arguments are local indices; `n`/`limit` arguments are instructions that push an i32.
import { op } from './wasmBinary';

/**
 * `for (k = 0; k < limit; k += step) body`, written as do-while: the body runs once before the
 * first test, so the caller guarantees limit > 0.
 */
export function forUp(k: number, step: number, limit: number[], body: number[]): number[] {
  return [
    ...op.i32(0),
    ...op.set(k),
    ...op.loop,
    ...body,
    ...op.get(k),
    ...op.i32(step),
    ...op.i32add,
    ...op.tee(k),
    ...limit,
    ...op.i32ltS,
    ...op.brIf(0),
    ...op.end,
  ];
}

/** `do { body } while (--n)`: runs body n times for n ≥ 1, leaving the local n at 0. */
export function countDown(n: number, body: number[]): number[] {
  return [
    ...op.loop,
    ...body,
    ...op.get(n),
    ...op.i32(1),
    ...op.i32sub,
    ...op.tee(n),
    ...op.brIf(0),
    ...op.end,
  ];
}

/** Pushes ptr + c (an address). */
export const addr = (ptr: number, c: number) => [...op.get(ptr), ...op.get(c), ...op.i32add];
/** Pushes the v128 (four floats) at ptr + c. */
export const at = (ptr: number, c: number) => [...addr(ptr, c), ...op.load()];
/** local += n */
export const bump = (local: number, n: number[]) => [...op.get(local), ...n, ...op.i32add, ...op.set(local)];
/** Pushes the i32 local times 4: a float count in bytes. */
export const bytes = (local: number) => [...op.get(local), ...op.i32(2), ...op.i32shl];
