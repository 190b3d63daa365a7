// The tfjs wasm backend's heap as our own WebAssembly modules see it: its Memory object (which
// they import), tensors' byte offsets in it, and scratch space.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The tfjs wasm heap's Memory: Module.wasmMemory in the threaded build, asm.memory otherwise. */
export function heapMemory(wasm: BackendWasm): WebAssembly.Memory | null {
  const m = wasm.wasm as unknown as {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
  return m.wasmMemory ?? m.asm?.memory ?? null;
}

/** Heap byte offset of a tensor's data. */
export const ptr = (wasm: BackendWasm, t: TensorInfo) => wasm.dataIdMap.get(t.dataId)!.memoryOffset;

/** Runs `fn` with `floats` zeroed float32s of heap scratch space (freed afterwards). */
export function withScratch(
  wasm: BackendWasm,
  memory: WebAssembly.Memory,
  floats: number,
  fn: (at: number) => void,
) {
  // Emscripten exports both in every build; the package's module typings list them for one.
  const heap = wasm.wasm as unknown as { _malloc(bytes: number): number; _free(at: number): void };
  const at = heap._malloc(floats * 4) >>> 0;
  try {
    new Float32Array(memory.buffer, at, floats).fill(0);
    fn(at);
  } finally {
    heap._free(at);
  }
}
