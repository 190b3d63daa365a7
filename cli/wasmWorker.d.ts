// tfjs-backend-wasm ships its pthread Worker script as a CommonJS string export, untyped.
declare module '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js' {
  export const wasmWorkerContents: string;
}
