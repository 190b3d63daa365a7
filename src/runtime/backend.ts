// Picks the TF.js backend that trains fastest on this machine and says why, in plain words.
// Rule (measured, see ../../README.md): a real WebGPU adapter first; a software adapter
// (SwiftShader) is ~40× slower than WebAssembly on a CPU-only machine, so wasm wins there.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendFigure, BackendInfo, BackendName } from '../shared/protocol';
import { fastest, readCachedFigures, timeProbeStep, writeCachedFigures } from './backendProbe';
import { registerKernels } from '../kernels';
import { patchThreadedFactory } from './wasmThreads';
import { wasmThreadCount } from './wasmThreadCount';

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

export interface BackendOptions {
  /**
   * Let wasm use its multi-threaded build (needs a cross-origin-isolated page). Default: yes
   * where isolated — CIFAR preset, batch 64, this 2-core machine when quiet: 23.7 vs 15.6 img/s
   * on one thread (`npm run bench`); under heavy load from other processes it can lose (13 vs 16).
   */
  wasmThreads?: boolean;
}

async function startWasm(options: BackendOptions): Promise<boolean> {
  // The multi-threaded build needs SharedArrayBuffer (a cross-origin-isolated page) and, in a
  // bundled Worker, the patch in kernels/wasmThreads.ts; without them: SIMD on one thread.
  let restore = () => {};
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (options.wasmThreads ?? isolated) {
    await patchThreadedFactory();
    restore = allowThreadPerLogicalCore();
  } else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlain,
    'tfjs-backend-wasm-simd.wasm': wasmSimd,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
  });
  registerKernels('wasm');
  try {
    return await tf.setBackend('wasm').catch(() => false);
  } finally {
    restore();
  }
}

/**
 * tfjs-backend-wasm caps its thread pool at navigator.hardwareConcurrency / 2 ("2 threads per
 * core"), read once while the module instantiates: on a 2-core machine that is one thread, and
 * the threaded build gains nothing. We ask for wasmThreadCount's number (a thread per logical
 * core, one core left to the page from 4 on, at most 8) and report twice the cores while the
 * module starts. Returns the function that undoes the override.
 */
function allowThreadPerLogicalCore(): () => void {
  const cores = Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1));
  setThreadsCount(wasmThreadCount(navigator.hardwareConcurrency));
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', { value: 2 * cores, configurable: true });
  } catch {
    return () => {};
  }
  return () => {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/**
 * Initialises a backend. `preferred` (from the URL, e.g. ?backend=wasm) overrides the automatic
 * choice when that backend starts; otherwise the order is real WebGPU → wasm → webgl → cpu.
 */
let lastGpu: GpuProbe | null = null;

function wasmAdapter(): string {
  const n = getThreadsCount();
  return `CPU, WebAssembly (SIMD, ${n > 1 ? `${n} threads` : 'one thread'})`;
}

export async function chooseBackend(
  preferred?: BackendName,
  options: BackendOptions = {},
): Promise<BackendInfo> {
  const gpu = await probeWebGpu();
  lastGpu = gpu;
  // Kernels are looked up per call, so registering before any setBackend covers every route.
  registerKernels('webgpu');

  if (preferred) {
    const ok =
      preferred === 'wasm' ? await startWasm(options) : await tf.setBackend(preferred).catch(() => false);
    if (ok) {
      await tf.ready();
      const adapter =
        preferred === 'wasm' ? wasmAdapter() : preferred === 'webgpu' ? gpu.description : preferred;
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
  if (await startWasm(options)) {
    await tf.ready();
    return {
      name: 'wasm',
      adapter: wasmAdapter(),
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

/**
 * After chooseBackend's quick rule: times the probe step (train/backendProbe.ts) on the hardware
 * WebGPU adapter, if any, and on wasm, switches to the faster and returns the info with the
 * figures. A software adapter is not probed (its probe alone would take seconds here and it
 * is ~40× slower than wasm), nor is WebGL (never faster than WebGPU where both exist). Figures
 * are cached per adapter, cores and TF.js version. A backend forced in the URL is kept.
 */
export async function chooseByMeasurement(
  info: BackendInfo,
  forced: boolean,
  options: BackendOptions = {},
): Promise<BackendInfo> {
  const gpu = lastGpu;
  if (forced || !gpu) return info;
  const key = `${gpu.description} | ${navigator.hardwareConcurrency} cores | tfjs ${tf.version_core}`;
  let figures: BackendFigure[] | undefined = (await readCachedFigures(key))?.map((f) => ({
    ...f,
    cached: true,
  }));
  if (!figures) {
    figures = [];
    const measure = async (name: BackendName, start: () => Promise<boolean>): Promise<BackendFigure> => {
      try {
        if (!(await start())) return { backend: name, ms: null, note: 'did not start' };
        return { backend: name, ms: await timeProbeStep() };
      } catch (err) {
        return {
          backend: name,
          ms: null,
          note: `failed while measuring (${(err as Error)?.message ?? err})`,
        };
      }
    };
    if (gpu.available && !gpu.software) figures.push(await measure('webgpu', () => tf.setBackend('webgpu')));
    else
      figures.push({
        backend: 'webgpu',
        ms: null,
        note: gpu.available ? 'software adapter, not measured' : 'not available',
      });
    figures.push(await measure('wasm', () => startWasm(options)));
    if (figures.some((f) => f.ms !== null)) await writeCachedFigures(key, figures);
  }
  const best = fastest(figures);
  if (!best) return { ...info, figures };
  if (best !== tf.getBackend()) {
    const ok = best === 'wasm' ? await startWasm(options) : await tf.setBackend(best).catch(() => false);
    if (!ok) return { ...info, figures };
    await tf.ready();
  }
  if (best === info.name) return { ...info, figures };
  return {
    name: best,
    adapter: best === 'wasm' ? wasmAdapter() : gpu.description,
    reason: `the fastest of the backends measured at start (${info.name} was the first guess)`,
    figures,
  };
}
