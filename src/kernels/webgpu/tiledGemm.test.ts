// The tile rule of tiledGemm.ts (pure arithmetic; the GEMM's numbers are checked through the
// convolution kernels' tests, with both tile sizes).
import { afterEach, describe, expect, it } from 'vitest';
import { chooseSplits } from './conv2dBackpropFilter';
import { setKernelChoice } from '../choice';
import { chooseTile, sliceLength, tiledGemmProgram, type GemmSpec } from './tiledGemm';

afterEach(() => setKernelChoice({ gemmTile: 'auto' }));

const spec = (M: number, N: number, K: number): GemmSpec => ({
  name: 't',
  M,
  N,
  K,
  splits: 1,
  variableNames: ['a', 'b'],
  loadA: 'fn loadA(m : i32, k : i32) -> f32 { return a[m]; }',
  loadB: 'fn loadB(k : i32, n : i32) -> f32 { return b[n]; }',
  aOrder: 'k',
  bOrder: 'outer',
  outputShape: [M, N],
});

describe('chooseTile', () => {
  it('takes 128-tiles only when both sides fill one and there are ≥ 256 of them', () => {
    // Paper C2 forward at batch 128: M = 128·27·27, N = 256 → 729 × 2 tiles.
    expect(chooseTile(128 * 27 * 27, 256)).toBe(128);
    // CIFAR C4 forward at batch 128: M = 128·7·7 = 6272, N = 256 → 49 × 2 tiles: too few.
    expect(chooseTile(6272, 256)).toBe(64);
    // An input gradient into 64 channels: N < 128.
    expect(chooseTile(32768, 64)).toBe(64);
    // A weight gradient gets its workgroups from split-K: only the sides count.
    expect(chooseTile(1600, 192, true)).toBe(128);
    expect(chooseTile(75, 64, true)).toBe(64);
  });

  it('obeys a forced gemmTile, and the tile is part of the shader key', () => {
    expect(tiledGemmProgram(spec(6272, 256, 64)).shaderKey).toContain('gemm64');
    setKernelChoice({ gemmTile: 128 });
    expect(chooseTile(75, 64)).toBe(128);
    const program = tiledGemmProgram(spec(6272, 256, 64));
    expect(program.shaderKey).toContain('gemm128');
    // 49 × 2 workgroups of 256 threads.
    expect(program.dispatch).toEqual([98, 1, 1]);
    expect(program.workgroupSize).toEqual([256, 1, 1]);
  });
});

describe('input bindings', () => {
  it("bind A's tensor (first) and B's (second) as vec4s when their loads are vec4", () => {
    const both = { ...spec(64, 64, 64), aVec4: true, bVec4: true, variableNames: ['a', 'b', 'bias'] };
    expect(tiledGemmProgram(both).variableComponents).toEqual([4, 4, 1]);
    expect(tiledGemmProgram({ ...spec(64, 64, 64), bVec4: true }).variableComponents).toEqual([1, 4]);
    expect(tiledGemmProgram(spec(64, 64, 64)).variableComponents).toEqual([1, 1]);
  });
});

describe('K slices per tile', () => {
  it('are whole tile depths: 16 deep for 64-tiles, 8 for 128-tiles', () => {
    expect(sliceLength(1000, 3, 64)).toBe(336);
    expect(sliceLength(1000, 3, 128)).toBe(336);
    expect(sliceLength(1000, 6, 64)).toBe(176);
    expect(sliceLength(1000, 6, 128)).toBe(168);
  });

  it('aim for a quarter as many 128-tile workgroups', () => {
    // CIFAR C2 weight gradient at batch 128: M = 5·5·64, N = 192, K = 128·15·15.
    const K = 128 * 15 * 15;
    expect(chooseSplits(1600, 192, K, 64)).toBe(14); // 25 × 3 tiles → ⌈1024 / 75⌉ = 14
    expect(chooseSplits(1600, 192, K, 128)).toBe(10); // 13 × 2 tiles → ⌈256 / 26⌉ = 10
  });
});
