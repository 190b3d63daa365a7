// Which kernels the backends get: ours (the app's) or tfjs's stock ones. The app always uses
// ours, less any kernel the self-test found wrong on this GPU; benchmarks switch to 'stock' to measure the baseline, and force a GEMM tile to compare
// sizes. One module-level choice, read when kernels are registered and when GEMMs are built.

/** Side of a workgroup's square tile of C in our WebGPU GEMMs (webgpu/tiledGemm.ts). */
export type TileSize = 64 | 128;

export interface KernelChoice {
  /** 'stock': tfjs's kernels, plus on wasm only the two it cannot train without. */
  set: 'ours' | 'stock';
  /** 'auto': tiledGemm's chooseTile rule; a size: every GEMM built afterwards uses it. */
  gemmTile: TileSize | 'auto';
  /** With set 'ours': kernels left stock on webgpu (they failed the self-test on this GPU). */
  stock: ReadonlySet<string>;
  /** Test hook: this webgpu kernel of ours negates its output (null: none). */
  corruptForTest: string | null;
  /** Tests: a lower watchdog bound (webgpu/batchSplit.ts) so that small shapes split too. */
  maxDispatchMacs?: number;
}

let choice: KernelChoice = { set: 'ours', gemmTile: 'auto', stock: new Set(), corruptForTest: null };

export function setKernelChoice(next: Partial<KernelChoice>): void {
  choice = { ...choice, ...next };
}

export function kernelChoice(): Readonly<KernelChoice> {
  return choice;
}
