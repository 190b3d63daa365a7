// LRN forward and gradient as 128-bit SIMD WebAssembly, working in place on the tfjs wasm heap
// (our module imports the backend's own memory). Four channels per instruction in float32; the
// JS version of the same arithmetic (localResponseNorm.ts) is bound by scalar square roots and
// divisions and is barely faster than the stock C++ kernels. Only for β = 0.75 (AlexNet's) and
// C a multiple of 4; the caller falls back to JS otherwise.
//
// Per pixel (one row of C channels), with r the window radius and a scratch row padded with r
// zeros on both sides so that every channel's window is 2r + 1 plain loads:
//   N = bias + α · Σ window(x²),  q = 1/N,  q^0.75 = √(q·√q)
//   forward:  y = x · q^0.75
//   gradient: t = dy · y · q;  dx = dy · q^0.75 − 2αβ · x · Σ window(t)
import { F32, I32, V128, instanceFor, op, type FuncDef } from './wasmBinary';

/** Emits `for (c = 0; c < cb; c += 16) { body }` over the byte offset local `c` (cb > 0). */
function channelLoop(c: number, cb: number, body: number[]): number[] {
  return [
    ...op.i32(0),
    ...op.set(c),
    ...op.loop,
    ...body,
    ...op.get(c),
    ...op.i32(16),
    ...op.i32add,
    ...op.tee(c),
    ...op.get(cb),
    ...op.i32ltS,
    ...op.brIf(0),
    ...op.end,
  ];
}

/** Pushes Σ_{k < w} load(base + c + 4k): the window of channels c/4 … c/4 + 3 in a padded row. */
function windowSum(base: number, c: number, w: number, j: number, a: number, acc: number): number[] {
  return [
    ...op.f32const(0),
    ...op.f32x4splat,
    ...op.set(acc),
    ...op.get(base),
    ...op.get(c),
    ...op.i32add,
    ...op.set(a),
    ...op.get(w),
    ...op.set(j),
    ...op.loop,
    ...op.get(acc),
    ...op.get(a),
    ...op.load(),
    ...op.f32x4add,
    ...op.set(acc),
    ...op.get(a),
    ...op.i32(4),
    ...op.i32add,
    ...op.set(a),
    ...op.get(j),
    ...op.i32(1),
    ...op.i32sub,
    ...op.tee(j),
    ...op.brIf(0),
    ...op.end,
    ...op.get(acc),
  ];
}

/** Pushes load(ptr + c). */
const at = (ptr: number, c: number) => [...op.get(ptr), ...op.get(c), ...op.i32add, ...op.load()];
/** Pushes ptr + c (a store's address). */
const addr = (ptr: number, c: number) => [...op.get(ptr), ...op.get(c), ...op.i32add];
/** Pushes √(q·√q) for the v128 local q. */
const pow075 = (q: number) => [...op.get(q), ...op.get(q), ...op.f32x4sqrt, ...op.f32x4mul, ...op.f32x4sqrt];
/** local += n */
const bump = (local: number, n: number[]) => [...op.get(local), ...n, ...op.i32add, ...op.set(local)];
/** Pushes splat of the f32 local. */
const splat = (local: number) => [...op.get(local), ...op.f32x4splat];

/**
 * lrn_fwd(x, y, rows, C, r, bias, alpha, scratch): pointers are byte offsets; scratch holds
 * C + 2r floats whose first and last r are zero.
 */
function forward(): FuncDef {
  const [x, y, rows, C, r, bias, alpha, scratch] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [c, j, cb, sc, w, a, s, q, bv, av, one] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  const body = [
    ...op.get(C),
    ...op.i32(2),
    ...op.i32shl,
    ...op.set(cb),
    ...op.get(scratch),
    ...op.get(r),
    ...op.i32(2),
    ...op.i32shl,
    ...op.i32add,
    ...op.set(sc),
    ...op.get(r),
    ...op.i32(1),
    ...op.i32shl,
    ...op.i32(1),
    ...op.i32add,
    ...op.set(w),
    ...splat(bias),
    ...op.set(bv),
    ...splat(alpha),
    ...op.set(av),
    ...op.f32const(1),
    ...op.f32x4splat,
    ...op.set(one),
    ...op.loop,
    // squares into the padded row
    ...channelLoop(c, cb, [...addr(sc, c), ...at(x, c), ...at(x, c), ...op.f32x4mul, ...op.store()]),
    ...channelLoop(c, cb, [
      ...op.get(one),
      ...op.get(bv),
      ...op.get(av),
      ...windowSum(scratch, c, w, j, a, s),
      ...op.f32x4mul,
      ...op.f32x4add,
      ...op.f32x4div,
      ...op.set(q),
      ...addr(y, c),
      ...at(x, c),
      ...pow075(q),
      ...op.f32x4mul,
      ...op.store(),
    ]),
    ...bump(x, op.get(cb)),
    ...bump(y, op.get(cb)),
    ...op.get(rows),
    ...op.i32(1),
    ...op.i32sub,
    ...op.tee(rows),
    ...op.brIf(0),
    ...op.end,
  ];
  return {
    name: 'lrn_fwd',
    params: [I32, I32, I32, I32, I32, F32, F32, I32],
    locals: [I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128],
    body,
  };
}

/**
 * lrn_bwd(x, y, dy, dx, rows, C, r, bias, alpha, k2ab, scratch), k2ab = 2αβ: scratch holds
 * 3(C + 2r) floats, zero where a padded row's first and last r are.
 */
function backward(): FuncDef {
  const [x, y, dy, dx, rows, C, r, bias, alpha, k2ab, scratch] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [c, j, cb, sc, t, tc, p, w, a, s, q, bv, av, one, kv] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
  ];
  // Byte length of one padded row: 4(C + 2r).
  const rowBytes = [
    ...op.get(C),
    ...op.get(r),
    ...op.i32(1),
    ...op.i32shl,
    ...op.i32add,
    ...op.i32(2),
    ...op.i32shl,
  ];
  const rBytes = [...op.get(r), ...op.i32(2), ...op.i32shl];
  const body = [
    ...op.get(C),
    ...op.i32(2),
    ...op.i32shl,
    ...op.set(cb),
    // sc: squares' row centre; t: the t row (padded); tc: its centre; p: q^0.75 row
    ...op.get(scratch),
    ...rBytes,
    ...op.i32add,
    ...op.set(sc),
    ...op.get(scratch),
    ...rowBytes,
    ...op.i32add,
    ...op.set(t),
    ...op.get(t),
    ...rBytes,
    ...op.i32add,
    ...op.set(tc),
    ...op.get(t),
    ...rowBytes,
    ...op.i32add,
    ...op.set(p),
    ...op.get(r),
    ...op.i32(1),
    ...op.i32shl,
    ...op.i32(1),
    ...op.i32add,
    ...op.set(w),
    ...splat(bias),
    ...op.set(bv),
    ...splat(alpha),
    ...op.set(av),
    ...splat(k2ab),
    ...op.set(kv),
    ...op.f32const(1),
    ...op.f32x4splat,
    ...op.set(one),
    ...op.loop,
    ...channelLoop(c, cb, [...addr(sc, c), ...at(x, c), ...at(x, c), ...op.f32x4mul, ...op.store()]),
    ...channelLoop(c, cb, [
      ...op.get(one),
      ...op.get(bv),
      ...op.get(av),
      ...windowSum(scratch, c, w, j, a, s),
      ...op.f32x4mul,
      ...op.f32x4add,
      ...op.f32x4div,
      ...op.set(q),
      ...addr(p, c),
      ...pow075(q),
      ...op.store(),
      ...addr(tc, c),
      ...at(dy, c),
      ...at(y, c),
      ...op.f32x4mul,
      ...op.get(q),
      ...op.f32x4mul,
      ...op.store(),
    ]),
    ...channelLoop(c, cb, [
      ...addr(dx, c),
      ...at(dy, c),
      ...at(p, c),
      ...op.f32x4mul,
      ...op.get(kv),
      ...at(x, c),
      ...op.f32x4mul,
      ...windowSum(t, c, w, j, a, s),
      ...op.f32x4mul,
      ...op.f32x4sub,
      ...op.store(),
    ]),
    ...bump(x, op.get(cb)),
    ...bump(y, op.get(cb)),
    ...bump(dy, op.get(cb)),
    ...bump(dx, op.get(cb)),
    ...op.get(rows),
    ...op.i32(1),
    ...op.i32sub,
    ...op.tee(rows),
    ...op.brIf(0),
    ...op.end,
  ];
  return {
    name: 'lrn_bwd',
    params: [I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, V128],
    body,
  };
}

export interface LrnSimd {
  lrn_fwd(
    x: number,
    y: number,
    rows: number,
    C: number,
    r: number,
    bias: number,
    alpha: number,
    scratch: number,
  ): void;
  lrn_bwd(
    x: number,
    y: number,
    dy: number,
    dx: number,
    rows: number,
    C: number,
    r: number,
    bias: number,
    alpha: number,
    k2ab: number,
    scratch: number,
  ): void;
}

const instances = new WeakMap<WebAssembly.Memory, LrnSimd | null>();

/** The kernels bound to `memory`, or null where WebAssembly SIMD is unavailable. */
export function lrnSimdFor(memory: WebAssembly.Memory): LrnSimd | null {
  return instanceFor(instances, memory, () => [forward(), backward()]);
}
