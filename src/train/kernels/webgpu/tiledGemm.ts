// A tiled GEMM C[M, N] = Σ_k A[m, k] · B[k, n] in WGSL whose A and B are never materialised:
// each kernel supplies WGSL functions loadA(m, k) and loadB(k, n) that gather the element
// straight from its input tensors (implicit im2col), or loadA4/loadB4 that gather four neighbours
// as one vec4. Shared by the forward convolution (conv2d.ts) and both convolution gradients.
//
// One workgroup of 16×16 threads computes a 64×64 tile of C; each thread a 4×4 block of it,
// rows ty + 16r and columns tx + 16c (strided, so that the threads of a row read consecutive
// shared-memory words and write consecutive output words). The K loop stages 16-deep slices of A
// and B in workgroup memory (2 × 16 × 65 words). With split-K the reduction range is cut into `splits`
// slices, each written to its own plane of the output [splits, M, N]; splitKReduce.ts sums them.
//
// Every size is baked into the shader as a constant (the shader key carries them all), so the
// compiler strength-reduces the divisions of the index arithmetic; a layer compiles once.
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

export const TILE_M = 64;
export const TILE_N = 64;
export const TILE_K = 16;
const WG = 16; // threads per side of the workgroup
// Row pitch of the staged tiles in workgroup memory: one word more than a row, so that threads
// staging down a column (LoadOrder 'k') hit different banks instead of all the same one.
const PITCH = TILE_M + 1;
const THREADS = WG * WG;

/**
 * How a workgroup's threads walk a 64×16 slice when staging it: 'outer' = consecutive threads
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
  /** Number of K slices (≥ 1); each is a multiple of TILE_K long except possibly the last. */
  splits: number;
  /** Tensor names the WGSL below reads (the program's variableNames, in input order). */
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
   * a gather's index arithmetic done once for four elements.
   */
  aVec4?: boolean;
  bVec4?: boolean;
  /** As WebGPUProgram's: per input, 4 binds it as array<vec4<f32>> (what a vec4 load reads). */
  variableComponents?: number[];
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

/** K-slice length for `splits` slices: a multiple of TILE_K. */
export function sliceLength(K: number, splits: number): number {
  return ceilDiv(ceilDiv(K, splits), TILE_K) * TILE_K;
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
 * The WGSL that stages one operand (A or B) of one K step, unrolled: constant offsets let the
 * compiler share the index arithmetic between the four elements a thread loads.
 */
function stageSnippet(which: 'A' | 'B', order: LoadOrder, outerLimit: number): string {
  const outerSize = which === 'A' ? TILE_M : TILE_N;
  const perThread = (outerSize * TILE_K) / THREADS; // 4
  const origin = which === 'A' ? 'tileRow' : 'tileCol';
  const lines: string[] = [];
  for (let r = 0; r < perThread; r++) {
    // 'outer': outer = t % 64, k = t / 64 + 4r.   'k': k = t % 16, outer = t / 16 + 16r.
    const o = order === 'outer' ? `t % ${outerSize}` : `t / ${TILE_K} + ${(THREADS / TILE_K) * r}`;
    const kk = order === 'outer' ? `t / ${outerSize} + ${(THREADS / outerSize) * r}` : `t % ${TILE_K}`;
    const load =
      which === 'A' ? `loadA(${origin} + o${r}, kBase + k${r})` : `loadB(kBase + k${r}, ${origin} + o${r})`;
    lines.push(`
        let o${r} = ${o};
        let k${r} = ${kk};
        var v${r} = 0.0;
        if (live && ${origin} + o${r} < ${outerLimit} && kBase + k${r} < kEnd) {
          v${r} = ${load};
        }
        tile${which}[k${r} * ${PITCH} + o${r}] = v${r};`);
  }
  return `{${lines.join('')}
      }`;
}

/**
 * stageSnippet with one vec4 per thread (64 × 16 = 256 threads × 4): 'outer' puts 16 threads
 * along the outer index and 16 along k; 'k' puts 4 along k and 64 along the outer index.
 */
function stageVec4Snippet(which: 'A' | 'B', order: LoadOrder, outerLimit: number): string {
  const origin = which === 'A' ? 'tileRow' : 'tileCol';
  const [o, kk] = order === 'outer' ? ['(t % 16) * 4', 't / 16'] : ['t / 4', '(t % 4) * 4'];
  const load = which === 'A' ? `loadA4(${origin} + o, kBase + k)` : `loadB4(kBase + k, ${origin} + o)`;
  const stores = [0, 1, 2, 3].map((c) =>
    order === 'outer'
      ? `tile${which}[k * ${PITCH} + o + ${c}] = v[${c}];`
      : `tile${which}[(k + ${c}) * ${PITCH} + o] = v[${c}];`,
  );
  return `{
        let o = ${o};
        let k = ${kk};
        var v = vec4<f32>(0.0);
        if (live && ${origin} + o < ${outerLimit} && kBase + k < kEnd) {
          v = ${load};
        }
        ${stores.join('\n        ')}
      }`;
}

/** The WGSL of one K step's multiply-adds from the staged tiles, unrolled. */
function multiplySnippet(): string {
  const lines: string[] = [];
  for (let kk = 0; kk < TILE_K; kk++) {
    const b = [0, 1, 2, 3].map((c) => `tileB[${kk * PITCH + c * WG} + tx]`).join(', ');
    lines.push(`b = vec4<f32>(${b});`);
    for (let r = 0; r < 4; r++)
      lines.push(`acc${r} = fma(vec4<f32>(tileA[${kk * PITCH + r * WG} + ty]), b, acc${r});`);
  }
  return lines.join('\n        ');
}

/** A program for runWebGPUProgram: inputs as in spec.variableNames, output spec.outputShape. */
export function tiledGemmProgram(spec: GemmSpec): WebGPUProgram {
  const { M, N, K, splits } = spec;
  const tilesM = ceilDiv(M, TILE_M);
  const tilesN = ceilDiv(N, TILE_N);
  const total = tilesM * tilesN * splits;
  const kSlice = sliceLength(K, splits);
  const steps = ceilDiv(kSlice, TILE_K);
  if (spec.epilogue && splits !== 1) throw new Error(`${spec.name}: an epilogue needs splits = 1`);
  const vecExtent = (order: LoadOrder, outer: number) => (order === 'k' ? K : outer);
  if ((spec.aVec4 && vecExtent(spec.aOrder, M) % 4) || (spec.bVec4 && vecExtent(spec.bOrder, N) % 4))
    throw new Error(`${spec.name}: a vec4 load needs its contiguous extent to be a multiple of 4`);
  const stage = (which: 'A' | 'B', order: LoadOrder, limit: number, vec4?: boolean) =>
    vec4 ? stageVec4Snippet(which, order, limit) : stageSnippet(which, order, limit);
  const userCode = `
    ${spec.loadA}
    ${spec.loadB}
    ${spec.epilogue ?? ''}

    var<workgroup> tileA : array<f32, ${TILE_K * PITCH}>;
    var<workgroup> tileB : array<f32, ${TILE_K * PITCH}>;

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
      let tileCol = (wg % ${tilesN}) * ${TILE_N};
      let tileRow = ((wg / ${tilesN}) % ${tilesM}) * ${TILE_M};
      let split = wg / ${tilesN * tilesM};
      let kBegin = split * ${kSlice};
      let kEnd = min(kBegin + ${kSlice}, ${K});

      // acc<r>[c] = C[tileRow + ty + 16r, tileCol + tx + 16c]
      var acc0 = vec4<f32>(0.0);
      var acc1 = vec4<f32>(0.0);
      var acc2 = vec4<f32>(0.0);
      var acc3 = vec4<f32>(0.0);
      var b : vec4<f32>;
      // A constant trip count keeps the barriers in uniform control flow; steps past kEnd
      // stage zeros.
      for (var step = 0; step < ${steps}; step++) {
        let kBase = kBegin + step * ${TILE_K};
        ${stage('A', spec.aOrder, M, spec.aVec4)}
        ${stage('B', spec.bOrder, N, spec.bVec4)}
        workgroupBarrier();
        ${multiplySnippet()}
        workgroupBarrier();
      }

      if (!live) {
        return;
      }
      let plane = split * ${M * N};
      var acc = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);
      for (var r = 0; r < 4; r++) {
        let m = tileRow + ty + ${WG} * r;
        if (m >= ${M}) {
          continue;
        }
        for (var c = 0; c < 4; c++) {
          let n = tileCol + tx + ${WG} * c;
          if (n < ${N}) {
            result[plane + m * ${N} + n] = ${spec.epilogue ? 'epilogue(acc[r][c], n)' : 'acc[r][c]'};
          }
        }
      }
    }
  `;
  return {
    outputShape: spec.outputShape,
    // The name must tell epilogues apart (the WGSL of loadA/loadB/epilogue is not in the key).
    shaderKey: `${spec.name}_gemm_${M}_${N}_${K}_${splits}_${spec.aVec4 ? 4 : 1}${spec.bVec4 ? 4 : 1}`,
    // Not a flat layout, so tfjs calls main() without an index; the coordinates are ours.
    dispatchLayout: { x: [spec.outputShape.length - 1], y: spec.outputShape.slice(0, -1).map((_, i) => i) },
    dispatch: dispatchFor(total),
    variableNames: spec.variableNames,
    variableComponents: spec.variableComponents,
    workgroupSize: [THREADS, 1, 1],
    getUserCode: () => userCode,
  };
}
