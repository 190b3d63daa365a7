// The pthread Workers of the threaded wasm build evaluate "var WasmBackendModuleThreadedSimd = "
// + factory.toString(): with our patch that must rebuild the glue file as Emscripten wrote it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { factorySource } from './wasmThreads';

const require = createRequire(import.meta.url);
const gluePath = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');

describe('factorySource', () => {
  it('rebuilds a script that defines the factory as a function, with nothing free but globals', () => {
    const glue = readFileSync(gluePath, 'utf8');
    const script = 'var WasmBackendModuleThreadedSimd = ' + factorySource(glue);
    // Evaluate as a classic script would in the pthread Worker (no module/exports/define there).
    const factory = new Function(`${script}\nreturn WasmBackendModuleThreadedSimd;`)() as unknown;
    expect(typeof factory).toBe('function');
    expect(script.length).toBeGreaterThan(glue.length - 64);
  });

  it('refuses glue it does not recognise instead of sending the Workers broken code', () => {
    expect(() => factorySource('module.exports = function () {}')).toThrow(/unexpected/);
  });
});
