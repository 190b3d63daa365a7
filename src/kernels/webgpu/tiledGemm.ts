// A tiled GEMM C[M, N] = Σ_k A[m, k] · B[k, n] in WGSL whose A and B are never materialised:
// each kernel supplies WGSL functions loadA(m, k) and loadB(k, n) that gather the element
// straight from its input tensors (implicit im2col), or loadA4/loadB4 that gather four neighbours
// as one vec4. Shared by the forward convolution (conv2d.ts) and both convolution gradients.
//
// One workgroup of 16×16 threads computes a T×T tile of C, T = 64 or 128 (see chooseTile). Each
// thread owns a (T/16)×(T/16) block of it, made of 4×4 blocks at rows 4·ty + 64h + i and columns
// 4·tx + 64h' + j: four consecutive rows and columns, so that a thread reads the four values of A
// (or B) it needs at one k as one vec4 from workgroup memory. Per k, a 128-tile thread makes 4
// vec4 reads for 64 multiply-adds (a 64-tile one 2 for 16); register blocking like this is what
// keeps a GPU's arithmetic units, not its shared memory, the bottleneck.
// The K loop stages TK-deep slices of A and B (TK = 16 for T = 64, 8 for T = 128: 4 elements per
// thread and under 9 KB of workgroup memory either way), stored k-major as rows of T/4 + 1 vec4s:
// the extra vec4 spreads the stores of threads that stage down a column (LoadOrder 'k') over
// the banks. With split-K the reduction range is cut into `splits` slices, each written to its
// own plane of the output [splits, M, N]; splitKReduce.ts sums them.
//
// Every size is baked into the shader as a constant (the shader key carries them all), so the
// compiler strength-reduces the divisions of the index arithmetic; a layer compiles once.
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { kernelChoice, type TileSize } from '../choice';

export type { TileSize };

const WG = 16; // threads per side of the workgroup
const THREADS = WG * WG;

/** Depth of the K slice staged per step: 4 elements of A and of B per thread. */
export const tileDepth = (tile: TileSize) => (tile === 64 ? 16 : 8);

/**
 * 128-tiles where both sides fill them and there are still enough workgroups to occupy a large
 * GPU (≥ 256: two per compute unit of an H100/H200, 132 units); 64-tiles otherwise, e.g. the
 * CIFAR preset's 7×7 layers at batch 128 (M = 6272, N = 256 → 98 workgroups of 128×128). A
 * weight gradient (`splittable`) makes up its workgroups by split-K, so only the sides count.
 */
export function chooseTile(M: number, N: number, splittable = false): TileSize {
  const forced = kernelChoice().gemmTile;
  if (forced !== 'auto') return forced;
  if (M < 128 || N < 128) return 64;
  return splittable || ceilDiv(M, 128) * ceilDiv(N, 128) >= 256 ? 128 : 64;
}

/**
 * How a workgroup's threads walk a T×TK slice when staging it: 'outer' = consecutive threads
 * take consecutive m (for A) or n (for B) — right when that index is contiguous in memory;
 * 'k' = consecutive threads take consecutive k — right when k is the contiguous one.
 */
export type LoadOrder = 'outer' | 'k';

export interface GemmSpec {
  /** Distinguishes the kernels in the pipeline cache (together with the sizes below). */
  name: string;
  M: number;
  N: number;
  K: number;
  /** Number of K slices (≥ 1); each is a multiple of the tile depth long except possibly the last. */
  splits: number;
  /** Side of the tile; default chooseTile(M, N). The caller must compute `splits` for it. */
  tile?: TileSize;
  /**
   * Tensor names the WGSL below reads (the program's variableNames, in input order): A's tensor
   * first, B's second, then any the epilogue reads.
   */
  variableNames: string[];
  /** WGSL: fn loadA(m : i32, k : i32) -> f32, called only with m < M and k < K. */
  loadA: string;
  /** WGSL: fn loadB(k : i32, n : i32) -> f32, called only with k < K and n < N. */
  loadB: string;
  aOrder: LoadOrder;
  bOrder: LoadOrder;
  /**
   * Vectorised staging of A (B): its WGSL defines loadA4(m, k) (loadB4(k, n)) -> vec4<f32>
   * instead of the scalar function: the element and the three after it along the index its
   * LoadOrder names as contiguous (k for 'k'; m or n for 'outer'), called only with that index a
   * multiple of 4. That index's extent (K, or M/N) must be a multiple of 4, so that a vector is
   * either wholly inside or wholly outside. One load per thread per K step instead of four, and
   * a gather's index arithmetic done once for four elements. The first (second) input is then
   * bound as array<vec4<f32>>, which is what loadA4 (loadB4) indexes.
   */
  aVec4?: boolean;
  bVec4?: boolean;
  /** Shape of the tensor written: [M, N]-compatible when splits = 1, else [splits, M, N]. */
  outputShape: number[];
  /**
   * Optional WGSL: fn epilogue(value : f32, n : i32) -> f32, applied to each finished C[m, n]
   * before the store (a fused bias add and activation costs no extra pass over the output).
   * Only with splits = 1: a partial sum is not the result.
   */
  epilogue?: string;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

/**
 * WGSL loadB (loadB4 with `vec4`: B[k, n..n+3], N a multiple of 4) for a B that lies in `tensor`
 * as it is: row-major [K, N] (the filter in the forward convolution, dy in the weight gradient).
 */
export function rowMajorLoadB(tensor: string, N: number, vec4: boolean): string {
  return vec4
    ? `
      fn loadB4(k : i32, n : i32) -> vec4<f32> {
        return ${tensor}[k * ${N / 4} + n / 4];
      }`
    : `
      fn loadB(k : i32, n : i32) -> f32 {
        return ${tensor}[k * ${N} + n];
      }`;
}

/** K-slice length for `splits` slices: a multiple of the tile depth. */
export function sliceLength(K: number, splits: number, tile: TileSize): number {
  const depth = tileDepth(tile);
  return ceilDiv(ceilDiv(K, splits), depth) * depth;
}

/**
 * Workgroups are numbered linearly (column tile fastest, then row tile, then K slice) and the
 * number is spread over dispatch x and y, so no dimension exceeds WebGPU's 65,535 limit however
 * tall M is. Workgroups past the end compute nothing and store nothing.
 */
function dispatchFor(total: number): [number, number, number] {
  const x = Math.min(total, 32768);
  return [x, ceilDiv(total, x), 1];
}

/**
 * The WGSL that stages one operand (A or B) of one K step, in three parts: `offsets` (once,
 * before the K loop: where in the slice this thread's elements lie, independent of the step),
 * `load` (global memory into registers for the slice at kBase) and `store` (registers into
 * workgroup memory). Splitting load from store is what lets the K loop fetch the next slice
 * while it multiplies the current one. Element (k, o) of the slice goes to component o % 4 of
 * vec4 k·P + o / 4 (P = T/4 + 1).
 */
interface Staging {
  offsets: string;
  load: string;
  store: string;
}

/** Scalar staging: 4 elements per thread, unrolled (constant offsets share index arithmetic). */
function scalarStaging(which: 'A' | 'B', order: LoadOrder, outerLimit: number, tile: TileSize): Staging {
  const depth = tileDepth(tile);
  const pitch = tile / 4 + 1;
  const origin = which === 'A' ? 'tileRow' : 'tileCol';
  const w = which.toLowerCase();
  const offsets: string[] = [];
  const load: string[] = [];
  const store: string[] = [];
  for (let r = 0; r < 4; r++) {
    // 'outer': o = t % T, k = t / T + (256/T)·r.   'k': k = t % TK, o = t / TK + (256/TK)·r.
    const o = order === 'outer' ? `t % ${tile}` : `t / ${depth} + ${(THREADS / depth) * r}`;
    const kk = order === 'outer' ? `t / ${tile} + ${(THREADS / tile) * r}` : `t % ${depth}`;
    const at =
      which === 'A' ? `${origin} + ${w}o${r}, kBase + ${w}k${r}` : `kBase + ${w}k${r}, ${origin} + ${w}o${r}`;
    offsets.push(`let ${w}o${r} = ${o};`, `let ${w}k${r} = ${kk};`, `var ${w}v${r} = 0.0;`);
    load.push(`
        ${w}v${r} = 0.0;
        if (live && ${origin} + ${w}o${r} < ${outerLimit} && kBase + ${w}k${r} < kEnd) {
          ${w}v${r} = load${which}(${at});
        }`);
    store.push(`tile${which}[${w}k${r} * ${pitch} + ${w}o${r} / 4][${w}o${r} % 4] = ${w}v${r};`);
  }
  return { offsets: offsets.join('\n      '), load: load.join(''), store: store.join('\n        ') };
}

/**
 * Vec4 staging, one vec4 per thread (T × TK = 256 threads × 4): 'outer' puts T/4 threads along
 * the outer index (one stored vec4 each); 'k' puts TK/4 along k and T along the outer index
 * (four stored components each).
 */
function vec4Staging(which: 'A' | 'B', order: LoadOrder, outerLimit: number, tile: TileSize): Staging {
  const depth = tileDepth(tile);
  const pitch = tile / 4 + 1;
  const origin = which === 'A' ? 'tileRow' : 'tileCol';
  const w = which.toLowerCase();
  const [o, kk] =
    order === 'outer'
      ? [`(t % ${tile / 4}) * 4`, `t / ${tile / 4}`]
      : [`t / ${depth / 4}`, `(t % ${depth / 4}) * 4`];
  const at = which === 'A' ? `${origin} + ${w}o, kBase + ${w}k` : `kBase + ${w}k, ${origin} + ${w}o`;
  const store =
    order === 'outer'
      ? `tile${which}[${w}k * ${pitch} + ${w}o / 4] = ${w}v;`
      : [0, 1, 2, 3]
          .map((c) => `tile${which}[(${w}k + ${c}) * ${pitch} + ${w}o / 4][${w}o % 4] = ${w}v[${c}];`)
          .join('\n        ');
  return {
    offsets: `let ${w}o = ${o};\n      let ${w}k = ${kk};\n      var ${w}v = vec4<f32>(0.0);`,
    load: `
        ${w}v = vec4<f32>(0.0);
        if (live && ${origin} + ${w}o < ${outerLimit} && kBase + ${w}k < kEnd) {
          ${w}v = load${which}4(${at});
        }`,
    store,
  };
}

/** Accumulator names of a thread: acc<h><i><h'> holds C rows 4·ty + 64h + i, columns 4·tx + 64h' + 0..3. */
const blocks = (tile: TileSize) => (tile === 64 ? [0] : [0, 1]);

/** The WGSL of one K step's multiply-adds from the staged tiles, unrolled. */
function multiplySnippet(tile: TileSize): string {
  const pitch = tile / 4 + 1;
  const hs = blocks(tile);
  const lines: string[] = [];
  for (let kk = 0; kk < tileDepth(tile); kk++) {
    for (const h of hs) lines.push(`a${h} = tileA[${kk * pitch + 16 * h} + ty];`);
    for (const h of hs) lines.push(`b${h} = tileB[${kk * pitch + 16 * h} + tx];`);
    for (const h of hs)
      for (let i = 0; i < 4; i++)
        for (const g of hs)
          lines.push(`acc${h}${i}${g} = fma(vec4<f32>(a${h}[${i}]), b${g}, acc${h}${i}${g});`);
  }
  return lines.join('\n        ');
}

/** A program for runWebGPUProgram: inputs as in spec.variableNames, output spec.outputShape. */
export function tiledGemmProgram(spec: GemmSpec): WebGPUProgram {
  const { M, N, K, splits } = spec;
  const tile = spec.tile ?? chooseTile(M, N);
  const depth = tileDepth(tile);
  const tilesM = ceilDiv(M, tile);
  const tilesN = ceilDiv(N, tile);
  const total = tilesM * tilesN * splits;
  const kSlice = sliceLength(K, splits, tile);
  const steps = ceilDiv(kSlice, depth);
  if (spec.epilogue && splits !== 1) throw new Error(`${spec.name}: an epilogue needs splits = 1`);
  const vecExtent = (order: LoadOrder, outer: number) => (order === 'k' ? K : outer);
  if ((spec.aVec4 && vecExtent(spec.aOrder, M) % 4) || (spec.bVec4 && vecExtent(spec.bOrder, N) % 4))
    throw new Error(`${spec.name}: a vec4 load needs its contiguous extent to be a multiple of 4`);
  const staging = (which: 'A' | 'B', order: LoadOrder, limit: number, vec4?: boolean) =>
    vec4 ? vec4Staging(which, order, limit, tile) : scalarStaging(which, order, limit, tile);
  const a = staging('A', spec.aOrder, M, spec.aVec4);
  const b = staging('B', spec.bOrder, N, spec.bVec4);
  const hs = blocks(tile);
  const accs = hs.flatMap((h) => [0, 1, 2, 3].flatMap((i) => hs.map((g) => `acc${h}${i}${g}`)));
  const value = (v: string) => (spec.epilogue ? `epilogue(${v}, n + j)` : v);
  // One row of four columns of C per accumulator, each column checked against N.
  const stores = hs.flatMap((h) =>
    [0, 1, 2, 3].flatMap((i) =>
      hs.map(
        (g) => `
      {
        let m = tileRow + ${64 * h + i} + 4 * ty;
        let n = tileCol + ${64 * g} + 4 * tx;
        if (m < ${M}) {
          for (var j = 0; j < 4; j++) {
            if (n + j < ${N}) {
              result[plane + m * ${N} + n + j] = ${value(`acc${h}${i}${g}[j]`)};
            }
          }
        }
      }`,
      ),
    ),
  );
  const userCode = `
    ${spec.loadA}
    ${spec.loadB}
    ${spec.epilogue ?? ''}

    var<workgroup> tileA : array<vec4<f32>, ${depth * (tile / 4 + 1)}>;
    var<workgroup> tileB : array<vec4<f32>, ${depth * (tile / 4 + 1)}>;

    fn main() {
      // tfjs binds its uniform buffer to every program; a layout derived from a shader that never
      // reads it would have no slot for it.
      _ = uniforms.NAN;
      let t = i32(localIndex);
      let tx = t % ${WG};
      let ty = t / ${WG};
      let wg = i32(workgroupId.x + workgroupId.y * numWorkgroups.x);
      // Past the last tile (the dispatch is rounded up): load nothing, store nothing, but still
      // reach every barrier with the rest of the workgroup.
      let live = wg < ${total};
      let tileCol = (wg % ${tilesN}) * ${tile};
      let tileRow = ((wg / ${tilesN}) % ${tilesM}) * ${tile};
      let split = wg / ${tilesN * tilesM};
      let kBegin = split * ${kSlice};
      let kEnd = min(kBegin + ${kSlice}, ${K});

      ${accs.map((a) => `var ${a} = vec4<f32>(0.0);`).join('\n      ')}
      ${hs.map((h) => `var a${h} : vec4<f32>;\n      var b${h} : vec4<f32>;`).join('\n      ')}
      ${a.offsets}
      ${b.offsets}
      // The first slice, then per step: fetch the next slice into registers (its global loads
      // are in flight while the multiply-adds run), multiply the staged one, and stage the
      // fetched one. A constant trip count keeps the barriers in uniform control flow; slices
      // past kEnd are zeros.
      var kBase = kBegin;
      ${a.load}
      ${b.load}
      ${a.store}
      ${b.store}
      workgroupBarrier();
      for (var step = 1; step <= ${steps}; step++) {
        kBase = kBegin + step * ${depth};
        if (step < ${steps}) {
          ${a.load}
          ${b.load}
        }
        ${multiplySnippet(tile)}
        workgroupBarrier();
        if (step < ${steps}) {
          ${a.store}
          ${b.store}
        }
        workgroupBarrier();
      }

      if (!live) {
        return;
      }
      let plane = split * ${M * N};
      ${stores.join('')}
    }
  `;
  return {
    outputShape: spec.outputShape,
    // The name must tell epilogues apart (the WGSL of loadA/loadB/epilogue is not in the key).
    shaderKey: `${spec.name}_gemm${tile}_${M}_${N}_${K}_${splits}_${spec.aVec4 ? 4 : 1}${spec.bVec4 ? 4 : 1}`,
    // Not a flat layout, so tfjs calls main() without an index; the coordinates are ours.
    dispatchLayout: { x: [spec.outputShape.length - 1], y: spec.outputShape.slice(0, -1).map((_, i) => i) },
    dispatch: dispatchFor(total),
    variableNames: spec.variableNames,
    variableComponents: spec.variableNames.map((_, i) =>
      (i === 0 && spec.aVec4) || (i === 1 && spec.bVec4) ? 4 : 1,
    ),
    workgroupSize: [THREADS, 1, 1],
    getUserCode: () => userCode,
  };
}
