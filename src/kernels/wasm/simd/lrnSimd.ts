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
import { addr, at, bump, bytes, countDown, forUp } from './emit';
import { F32, I32, V128, instanceFor, op, type FuncDef } from './wasmBinary';

/** Emits `for (c = 0; c < cb; c += 16) { body }` over the byte offset local `c` (cb > 0). */
const channelLoop = (c: number, cb: number, body: number[]) => forUp(c, 16, op.get(cb), body);

/** Pushes Σ_{k < w} load(base + c + 4k): the window of channels c/4 … c/4 + 3 in a padded row. */
function windowSum(base: number, c: number, w: number, j: number, a: number, acc: number): number[] {
  return [
    ...op.f32const(0),
    ...op.f32x4splat,
    ...op.set(acc),
    ...addr(base, c),
    ...op.set(a),
    ...op.get(w),
    ...op.set(j),
    ...countDown(j, [
      ...op.get(acc),
      ...op.get(a),
      ...op.load(),
      ...op.f32x4add,
      ...op.set(acc),
      ...bump(a, op.i32(4)),
    ]),
    ...op.get(acc),
  ];
}

/** Pushes √(q·√q) for the v128 local q. */
const pow075 = (q: number) => [...op.get(q), ...op.get(q), ...op.f32x4sqrt, ...op.f32x4mul, ...op.f32x4sqrt];
/** Pushes splat of the f32 local. */
const splat = (local: number) => [...op.get(local), ...op.f32x4splat];

/** The locals (indices) that lrn_fwd and lrn_bwd both have, under the same names. */
interface Common {
  /** params: the x pointer, C, r, bias, alpha, scratch */
  x: number;
  C: number;
  r: number;
  bias: number;
  alpha: number;
  scratch: number;
  /** i32: channel byte offset, window counter, 4C, squares' row centre, 2r + 1, window pointer */
  c: number;
  j: number;
  cb: number;
  sc: number;
  w: number;
  a: number;
  /** v128: window sum, q = 1/N, and bias, α and 1 in all four lanes */
  s: number;
  q: number;
  bv: number;
  av: number;
  one: number;
}

/** cb = 4C (a row of channels in bytes); sc = the centre of scratch's first padded row. */
const rowLocals = (l: Common) => [
  ...bytes(l.C),
  ...op.set(l.cb),
  ...op.get(l.scratch),
  ...bytes(l.r),
  ...op.i32add,
  ...op.set(l.sc),
];

/** w = 2r + 1 (the window's length); bv, av = bias, α splatted. */
const windowLocals = (l: Common) => [
  ...op.get(l.r),
  ...op.i32(1),
  ...op.i32shl,
  ...op.i32(1),
  ...op.i32add,
  ...op.set(l.w),
  ...splat(l.bias),
  ...op.set(l.bv),
  ...splat(l.alpha),
  ...op.set(l.av),
];

/** one = 1 splatted. */
const ones = (l: Common) => [...op.f32const(1), ...op.f32x4splat, ...op.set(l.one)];

/** Writes the pixel's x² into scratch's padded row. */
const squares = (l: Common) =>
  channelLoop(l.c, l.cb, [
    ...addr(l.sc, l.c),
    ...at(l.x, l.c),
    ...at(l.x, l.c),
    ...op.f32x4mul,
    ...op.store(),
  ]);

/** q = 1/N = 1/(bias + α · Σ window(x²)) for channels c/4 … c/4 + 3. */
const inverseNorm = (l: Common) => [
  ...op.get(l.one),
  ...op.get(l.bv),
  ...op.get(l.av),
  ...windowSum(l.scratch, l.c, l.w, l.j, l.a, l.s),
  ...op.f32x4mul,
  ...op.f32x4add,
  ...op.f32x4div,
  ...op.set(l.q),
];

/**
 * lrn_fwd(x, y, rows, C, r, bias, alpha, scratch): pointers are byte offsets; scratch holds
 * C + 2r floats whose first and last r are zero.
 */
function forward(): FuncDef {
  const [x, y, rows, C, r, bias, alpha, scratch] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [c, j, cb, sc, w, a, s, q, bv, av, one] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  const l: Common = { x, C, r, bias, alpha, scratch, c, j, cb, sc, w, a, s, q, bv, av, one };
  const body = [
    ...rowLocals(l),
    ...windowLocals(l),
    ...ones(l),
    ...countDown(rows, [
      ...squares(l),
      ...channelLoop(c, cb, [
        ...inverseNorm(l),
        ...addr(y, c),
        ...at(x, c),
        ...pow075(q),
        ...op.f32x4mul,
        ...op.store(),
      ]),
      ...bump(x, op.get(cb)),
      ...bump(y, op.get(cb)),
    ]),
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
  const l: Common = { x, C, r, bias, alpha, scratch, c, j, cb, sc, w, a, s, q, bv, av, one };
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
  const body = [
    // sc: squares' row centre; t: the t row (padded); tc: its centre; p: q^0.75 row
    ...rowLocals(l),
    ...op.get(scratch),
    ...rowBytes,
    ...op.i32add,
    ...op.set(t),
    ...op.get(t),
    ...bytes(r),
    ...op.i32add,
    ...op.set(tc),
    ...op.get(t),
    ...rowBytes,
    ...op.i32add,
    ...op.set(p),
    ...windowLocals(l),
    ...splat(k2ab),
    ...op.set(kv),
    ...ones(l),
    ...countDown(rows, [
      ...squares(l),
      ...channelLoop(c, cb, [
        ...inverseNorm(l),
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
    ]),
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
