// MaxPoolGrad's inner work as 128-bit SIMD WebAssembly on the tfjs heap: for one row of pooling
// windows, four channels at a time, find each window's first maximum (lane-wise compare and
// select of the value and its address) and add dy there. The JS loop it replaces is bound by a
// data-dependent branch per element (~90 ms of a CIFAR step at batch 64).
//
// Called once per (image, output row) for windows that lie inside the input (no padding), with
// C a multiple of 4; maxPoolGrad.ts keeps the JS loop for anything else.
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
  const count = (k: number, n: number[], body: number[]) => [
    ...op.i32(0),
    ...op.set(k),
    ...op.loop,
    ...body,
    ...op.get(k),
    ...op.i32(1),
    ...op.i32add,
    ...op.tee(k),
    ...n,
    ...op.i32ltS,
    ...op.brIf(0),
    ...op.end,
  ];
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
      ...op.i32(0),
      ...op.set(c),
      ...op.loop,
      // start from the window's first element
      ...op.get(win),
      ...op.get(c),
      ...op.i32add,
      ...op.tee(pos),
      ...op.load(),
      ...op.set(best),
      ...op.get(pos),
      ...op.i32x4splat,
      ...op.get(lanes),
      ...op.i32x4add,
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
          ...op.get(pos),
          ...op.i32x4splat,
          ...op.get(lanes),
          ...op.i32x4add,
          ...op.get(idx),
          ...op.get(m),
          ...op.bitselect,
          ...op.set(idx),
          ...op.get(pos),
          ...op.get(pixStride),
          ...op.i32add,
          ...op.set(pos),
        ]),
        ...op.get(rowPos),
        ...op.get(rowStride),
        ...op.i32add,
        ...op.set(rowPos),
      ]),
      ...op.get(dy),
      ...op.get(c),
      ...op.i32add,
      ...op.load(),
      ...op.set(g),
      ...scatter(0),
      ...scatter(1),
      ...scatter(2),
      ...scatter(3),
      ...op.get(c),
      ...op.i32(16),
      ...op.i32add,
      ...op.tee(c),
      ...op.get(cb),
      ...op.i32ltS,
      ...op.brIf(0),
      ...op.end,
      // next window and next dy pixel
      ...op.get(win),
      ...op.get(colStep),
      ...op.i32add,
      ...op.set(win),
      ...op.get(dy),
      ...op.get(cb),
      ...op.i32add,
      ...op.set(dy),
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
