// Which kernels the backends get: ours (the app's) or tfjs's stock ones. The app always uses
// ours; benchmarks switch to 'stock' to measure the baseline, and force a GEMM tile to compare
// sizes. One module-level choice, read when kernels are registered and when GEMMs are built.

/** Side of a workgroup's square tile of C in our WebGPU GEMMs (webgpu/tiledGemm.ts). */
export type TileSize = 64 | 128;

export interface KernelChoice {
  /** 'stock': tfjs's kernels, plus on wasm only the two it cannot train without. */
  set: 'ours' | 'stock';
  /** 'auto': tiledGemm's chooseTile rule; a size: every GEMM built afterwards uses it. */
  gemmTile: TileSize | 'auto';
}

let choice: KernelChoice = { set: 'ours', gemmTile: 'auto' };

export function setKernelChoice(next: Partial<KernelChoice>): void {
  choice = { ...choice, ...next };
}

export function kernelChoice(): Readonly<KernelChoice> {
  return choice;
}
