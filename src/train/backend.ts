// Picks the TF.js backend that trains fastest on this machine and says why, in plain words.
// Rule (measured, see ../../README.md): a real WebGPU adapter first; a software adapter
// (SwiftShader) is ~40× slower than WebAssembly on a CPU-only machine, so wasm wins there.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendInfo, BackendName } from '../shared/protocol';
import { registerWasmTrainingKernels } from './kernels';

interface GpuProbe {
  available: boolean;
  software: boolean;
  description: string;
}

/** Asks navigator.gpu for an adapter; a fallback (software) adapter is reported as such. */
async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu)
    return { available: false, software: false, description: 'WebGPU is not available in this browser' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return { available: false, software: false, description: 'no WebGPU adapter' };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software =
    Boolean(info.isFallbackAdapter ?? legacyFallback) || /swiftshader|llvmpipe|software/i.test(text);
  return { available: true, software, description: text || 'unnamed adapter' };
}

async function startWasm(): Promise<boolean> {
  // The multi-threaded wasm build hangs inside a bundled Worker (environment notes); one thread
  // with SIMD is reliable everywhere.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  registerWasmTrainingKernels();
  return tf.setBackend('wasm').catch(() => false);
}

/**
 * Initialises a backend. `preferred` (from the URL, e.g. ?backend=wasm) overrides the automatic
 * choice when that backend starts; otherwise the order is real WebGPU → wasm → webgl → cpu.
 */
export async function chooseBackend(preferred?: BackendName): Promise<BackendInfo> {
  const gpu = await probeWebGpu();
  const wasmAdapter = 'CPU, WebAssembly (SIMD, one thread)';

  if (preferred) {
    const ok = preferred === 'wasm' ? await startWasm() : await tf.setBackend(preferred).catch(() => false);
    if (ok) {
      await tf.ready();
      const adapter =
        preferred === 'wasm' ? wasmAdapter : preferred === 'webgpu' ? gpu.description : preferred;
      return { name: preferred, adapter, reason: `chosen in the URL (?backend=${preferred})` };
    }
  }

  if (gpu.available && !gpu.software && (await tf.setBackend('webgpu').catch(() => false))) {
    await tf.ready();
    return {
      name: 'webgpu',
      adapter: gpu.description,
      reason: 'a hardware WebGPU adapter is available: the fastest route',
    };
  }
  const why = gpu.available
    ? `the only WebGPU adapter is software (${gpu.description}), far slower than WebAssembly on the CPU`
    : `${gpu.description}`;
  if (await startWasm()) {
    await tf.ready();
    return {
      name: 'wasm',
      adapter: wasmAdapter,
      reason: `${why}; training runs on the CPU with WebAssembly`,
    };
  }
  if (await tf.setBackend('webgl').catch(() => false)) {
    await tf.ready();
    return {
      name: 'webgl',
      adapter: 'WebGL',
      reason: `${why}; WebAssembly failed to start, so WebGL is used`,
    };
  }
  await tf.setBackend('cpu');
  return {
    name: 'cpu',
    adapter: 'CPU (plain JavaScript)',
    reason: `${why}; no faster backend started — training will be very slow`,
  };
}
