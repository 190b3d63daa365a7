// Makes the multi-threaded wasm build work inside a bundled (minified) Worker.
//
// Why it failed: tfjs-backend-wasm starts its pthread Workers (Emscripten) by sending them
// `"var WasmBackendModuleThreadedSimd = " + factory.toString()` as the script to importScripts.
// That is only valid JavaScript if the factory's source is self-contained. After Vite/rolldown
// minifies the bundle, the factory's body refers to minified names of the surrounding bundle
// (`e`, …) that do not exist in the pthread Worker: each one throws "ReferenceError: e is not
// defined" while loading, never reports "loaded", and the first multi-threaded kernel waits for
// it forever — the hang the environment notes describe.
//
// Fix: give the factory a toString() that returns the glue's own, unbundled source text
// (imported verbatim with ?raw), so the pthread Workers evaluate exactly what Emscripten emitted.
import factory from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';

const PREFIX = /^\s*var WasmBackendModuleThreadedSimd\s*=\s*/;

/**
 * The glue file's text minus its leading `var WasmBackendModuleThreadedSimd =`, so that tfjs's
 * `"var WasmBackendModuleThreadedSimd = " + toString()` rebuilds the original file. Pure.
 */
export function factorySource(glue: string): string {
  if (!PREFIX.test(glue))
    throw new Error('unexpected tfjs-backend-wasm threaded glue: no factory declaration');
  return glue.replace(PREFIX, '');
}

let patched = false;

/** Loads the glue's source (once, ~55 kB) and patches factory.toString. Call before tf.setBackend('wasm'). */
export async function patchThreadedFactory(): Promise<void> {
  if (patched) return;
  const { default: glue } =
    await import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw');
  const source = factorySource(glue);
  // The module's export may be the factory itself or a namespace holding it as `default`.
  const fn = ((factory as unknown as { default?: unknown }).default ?? factory) as { toString: () => string };
  fn.toString = () => source;
  patched = true;
}
