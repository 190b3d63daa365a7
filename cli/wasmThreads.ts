// The multi-threaded WebAssembly build in Node, so the headless trainer uses every core as the
// browser does. Call before the wasm backend starts.
//
// Why it needs help: tfjs-backend-wasm starts its pthread Workers from Blob URLs (the worker
// script, and the glue each Worker imports), which Node's worker_threads cannot load. Here the
// worker script is written to a file whose path URL.createObjectURL returns for it, and the
// Worker's importScripts of the glue's blob: URL reads the glue's own source from a file instead.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import glue from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';
import { wasmWorkerContents } from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js';
import { wasmThreadCount } from '../src/runtime/wasmThreadCount';

/** The pthread Worker's script: tfjs's, then a shim sending blob: imports to `gluePath`. Pure. */
export function workerScript(contents: string, gluePath: string): string {
  // tfjs escapes newlines the same way before it makes its Blob (they sit inside string literals).
  return (
    contents.replace(/\n/g, '\\n') +
    `\n;{const load=global.importScripts;` +
    `global.importScripts=(f)=>load(String(f).startsWith('blob:')?${JSON.stringify(gluePath)}:f);}\n`
  );
}

/**
 * Enables the threaded build: `count` threads, else one per logical core (wasmThreadCount).
 * Returns the function to call once the backend has started: tfjs caps its pool at half of
 * os.cpus().length (Emscripten's core count in Node), read while the backend starts, so the
 * cores are reported twice over until then, as src/runtime/backend.ts does in the browser.
 */
export function enableWasmThreads(count?: number): () => void {
  const dir = mkdtempSync(join(os.tmpdir(), 'alexnet-lab-wasm-'));
  const gluePath = join(dir, 'tfjs-backend-wasm-threaded-simd.js');
  const workerPath = join(dir, 'tfjs-backend-wasm-threaded-simd.worker.cjs');
  writeFileSync(gluePath, glue);
  writeFileSync(workerPath, workerScript(wasmWorkerContents, gluePath));
  const create = URL.createObjectURL.bind(URL);
  // tfjs makes exactly one 'application/javascript' Blob: the pthread worker script.
  URL.createObjectURL = (obj: Blob) =>
    obj instanceof Blob && obj.type === 'application/javascript' ? workerPath : create(obj);
  // Node has SharedArrayBuffer and wasm threads, but tfjs's feature test does not see them.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  const threads = count ?? wasmThreadCount(os.availableParallelism());
  setThreadsCount(threads);
  const cpus = os.cpus;
  os.cpus = () => [...cpus(), ...cpus()];
  return () => {
    os.cpus = cpus;
  };
}
