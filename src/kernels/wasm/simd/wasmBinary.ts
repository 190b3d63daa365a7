// A minimal WebAssembly binary writer: just what our SIMD kernels need (one imported memory,
// functions over i32/f32/v128 locals, structured loops, 128-bit float lanes). Writing the few
// hundred bytes ourselves avoids a WAT toolchain in the build; the instruction encodings are
// those of the WebAssembly core spec (binary format, with the fixed-width SIMD proposal).

/** Unsigned LEB128. */
export function u32(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32.const immediates). */
export function s32(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F32 | typeof V128;

const simd = (op: number): number[] => [0xfd, ...u32(op)];
/** memarg: alignment hint 4 bytes (loads of shifted windows are not 16-aligned), byte offset. */
const memarg = (offset: number): number[] => [2, ...u32(offset)];

/** Instructions, each as its bytes; a function body is their concatenation. */
export const op = {
  get: (i: number) => [0x20, ...u32(i)],
  set: (i: number) => [0x21, ...u32(i)],
  tee: (i: number) => [0x22, ...u32(i)],
  i32: (n: number) => [0x41, ...s32(n)],
  i32add: [0x6a],
  i32sub: [0x6b],
  i32mul: [0x6c],
  i32shl: [0x74],
  i32ltS: [0x48],
  /** block/loop with no result; `end` closes either. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...u32(depth)],
  br: (depth: number) => [0x0c, ...u32(depth)],
  load: (offset = 0) => [...simd(0x00), ...memarg(offset)],
  store: (offset = 0) => [...simd(0x0b), ...memarg(offset)],
  f32x4splat: simd(0x13),
  f32x4add: simd(0xe4),
  f32x4sub: simd(0xe5),
  f32x4mul: simd(0xe6),
  f32x4div: simd(0xe7),
  f32x4sqrt: simd(0xe3),
  f32x4gt: simd(0x44),
  /** bitselect(a, b, mask): a where mask bits are set, b elsewhere. */
  bitselect: simd(0x52),
  i32x4splat: simd(0x11),
  i32x4add: simd(0xae),
  i32x4lane: (lane: number) => [...simd(0x1b), lane],
  f32x4lane: (lane: number) => [...simd(0x1f), lane],
  /** A v128 constant of four i32 lanes. */
  i32x4const: (lanes: [number, number, number, number]) => [
    ...simd(0x0c),
    ...new Uint8Array(new Int32Array(lanes).buffer),
  ],
  f32load: (offset = 0) => [0x2a, ...memarg(offset)],
  f32store: (offset = 0) => [0x38, ...memarg(offset)],
  f32add: [0x92],
  f32const: (x: number) => {
    const b = new Uint8Array(new Float32Array([x]).buffer);
    return [0x43, ...b];
  },
};

export interface FuncDef {
  name: string;
  params: ValType[];
  /** Extra locals after the params, in order. */
  locals: ValType[];
  /** Instructions without the final `end`. */
  body: number[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...u32(content.length), ...content];
}

function vec(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

function name(s: string): number[] {
  const b = [...new TextEncoder().encode(s)];
  return [...u32(b.length), ...b];
}

/**
 * A module importing env.memory (shared when `shared`, as the threaded tfjs build's is; an
 * imported memory must match its shared flag) and exporting each function (no results).
 */
export function moduleBytes(funcs: FuncDef[], shared: boolean): Uint8Array<ArrayBuffer> {
  const types = funcs.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]);
  // Limits: flag 3 = shared with max (required for shared), 0 = min only.
  const limits = shared ? [0x03, 0, ...u32(65536)] : [0x00, 0];
  const imports = vec([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  const functions = vec(funcs.map((_, i) => u32(i)));
  const exports = vec(funcs.map((f, i) => [...name(f.name), 0x00, ...u32(i)]));
  const codes = vec(
    funcs.map((f) => {
      const locals = vec(f.locals.map((t) => [1, t]));
      const body = [...locals, ...f.body, ...op.end];
      return [...u32(body.length), ...body];
    }),
  );
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, functions),
    ...section(7, exports),
    ...section(10, codes),
  ]);
}

/**
 * Instantiates `funcs` against `memory` once per memory (cached in `cache`); null where
 * WebAssembly SIMD is unavailable. The modules are ~1 kB, so synchronous compilation is allowed
 * on any thread.
 */
export function instanceFor<T>(
  cache: WeakMap<WebAssembly.Memory, T | null>,
  memory: WebAssembly.Memory,
  funcs: () => FuncDef[],
): T | null {
  let found = cache.get(memory);
  if (found !== undefined) return found;
  const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  try {
    const module = new WebAssembly.Module(moduleBytes(funcs(), shared));
    found = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as T;
  } catch {
    found = null;
  }
  cache.set(memory, found);
  return found;
}
