// MaxPoolGrad's inner work as 128-bit SIMD WebAssembly on the tfjs heap: for one row of pooling
// windows, four channels at a time, find each window's first maximum (lane-wise compare and
// select of the value and its address) and add dy there. The JS loop it replaces is bound by a
// data-dependent branch per element.
//
// Called once per (image, output row) for windows that lie inside the input (no padding), with
// C a multiple of 4; maxPoolGrad.ts keeps the JS loop for anything else.
import { addr, at, bump, forUp } from './emit';
import { I32, V128, instanceFor, op, type FuncDef } from './wasmBinary';

/**
 * pool_grad_row(win, dy, delta, ow, fh, fw, colStep, rowStride, pixStride, cb), byte offsets:
 * win: x's address of output column 0's window (top-left, channel 0); dy: dy's address of this
 * output row; delta: dx − x (dx has x's layout); colStep: bytes between neighbouring windows
 * (stride · C · 4); rowStride: one input row (W · C · 4); pixStride: one input pixel (C · 4);
 * cb: C · 4. Window positions are scanned row-major and only a strictly greater value replaces
 * the maximum, so ties go to the first, as on the cpu backend.
 */
function poolGradRow(): FuncDef {
  const [win, dy, delta, ow, fh, fw, colStep, rowStride, pixStride, cb] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [ox, c, i, j, pos, rowPos, a] = [10, 11, 12, 13, 14, 15, 16];
  const [best, idx, v, m, g, lanes] = [17, 18, 19, 20, 21, 22];
  /** for (k = 0; k < n; k++) body — n ≥ 1 */
  const count = (k: number, n: number[], body: number[]) => forUp(k, 1, n, body);
  /** Pushes the four lanes' addresses pos, pos + 4, pos + 8, pos + 12 (an i32x4). */
  const laneAddresses = [...op.get(pos), ...op.i32x4splat, ...op.get(lanes), ...op.i32x4add];
  // Adds lane `l` of g to dx at (lane l of idx) + delta.
  const scatter = (l: number) => [
    ...op.get(idx),
    ...op.i32x4lane(l),
    ...op.get(delta),
    ...op.i32add,
    ...op.tee(a),
    ...op.get(a),
    ...op.f32load(),
    ...op.get(g),
    ...op.f32x4lane(l),
    ...op.f32add,
    ...op.f32store(),
  ];
  const body = [
    ...op.i32x4const([0, 4, 8, 12]),
    ...op.set(lanes),
    ...count(ox, op.get(ow), [
      // c: byte offset of the channel block, 0 … cb − 16
      ...forUp(c, 16, op.get(cb), [
        // start from the window's first element
        ...addr(win, c),
        ...op.tee(pos),
        ...op.load(),
        ...op.set(best),
        ...laneAddresses,
        ...op.set(idx),
        ...op.get(pos),
        ...op.set(rowPos),
        ...count(i, op.get(fh), [
          ...op.get(rowPos),
          ...op.set(pos),
          ...count(j, op.get(fw), [
            // v = x[pos]; where v > best: best = v, idx = pos (+ lane)
            ...op.get(pos),
            ...op.load(),
            ...op.tee(v),
            ...op.get(best),
            ...op.f32x4gt,
            ...op.set(m),
            ...op.get(v),
            ...op.get(best),
            ...op.get(m),
            ...op.bitselect,
            ...op.set(best),
            ...laneAddresses,
            ...op.get(idx),
            ...op.get(m),
            ...op.bitselect,
            ...op.set(idx),
            ...bump(pos, op.get(pixStride)),
          ]),
          ...bump(rowPos, op.get(rowStride)),
        ]),
        ...at(dy, c),
        ...op.set(g),
        ...scatter(0),
        ...scatter(1),
        ...scatter(2),
        ...scatter(3),
      ]),
      // next window and next dy pixel
      ...bump(win, op.get(colStep)),
      ...bump(dy, op.get(cb)),
    ]),
  ];
  return {
    name: 'pool_grad_row',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, V128],
    body,
  };
}

export interface MaxPoolGradSimd {
  pool_grad_row(
    win: number,
    dy: number,
    delta: number,
    ow: number,
    fh: number,
    fw: number,
    colStep: number,
    rowStride: number,
    pixStride: number,
    cb: number,
  ): void;
}

const instances = new WeakMap<WebAssembly.Memory, MaxPoolGradSimd | null>();

/** The kernel bound to `memory`, or null where WebAssembly SIMD is unavailable. */
export function maxPoolGradSimdFor(memory: WebAssembly.Memory): MaxPoolGradSimd | null {
  return instanceFor(instances, memory, () => [poolGradRow()]);
}
