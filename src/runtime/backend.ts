// Picks the TF.js backend that trains fastest on this machine and says why, in plain words.
// Rule: a real WebGPU adapter first; a software adapter (SwiftShader) is far slower than
// WebAssembly on a CPU-only machine, so wasm wins there (docs/performance.md, "Backend choice").

import * as tf from '@tensorflow/tfjs-core';
import './tfSetup';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendFigure, BackendInfo, BackendName } from '../shared/protocol';
import { isProblem, problem, type Problem } from '../shared/problem';
import { fastest, readCachedFigures, timeProbeStep, writeCachedFigures } from './backendProbe';
import { loadWebGpu, registerKernels } from '../kernels';
import { patchThreadedFactory } from './wasmThreads';
import { wasmThreadCount } from './wasmThreadCount';

interface GpuProbe {
  available: boolean;
  software: boolean;
  description: string;
  /** Why WebGPU is not used by itself (no API, no adapter, a software adapter); null: usable. */
  why: Problem | null;
}

/** Asks navigator.gpu for an adapter; a fallback (software) adapter is reported as such. */
async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu)
    return {
      available: false,
      software: false,
      description: 'WebGPU is not available in this browser',
      why: problem('backend.noWebGpu'),
    };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter)
    return {
      available: false,
      software: false,
      description: 'no WebGPU adapter',
      why: problem('backend.noAdapter'),
    };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const text = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  const software =
    Boolean(info.isFallbackAdapter ?? legacyFallback) || /swiftshader|llvmpipe|software/i.test(text);
  const description = text || 'unnamed adapter';
  return {
    available: true,
    software,
    description,
    why: software ? problem('backend.softwareAdapter', { adapter: description }) : null,
  };
}

export interface BackendOptions {
  /**
   * Let wasm use its multi-threaded build (needs a cross-origin-isolated page). Default: yes
   * where isolated: threads win on a quiet machine, though heavy load from other processes can
   * turn that around (docs/performance.md, "Backend choice").
   */
  wasmThreads?: boolean;
}

export async function startWasm(options: BackendOptions = {}): Promise<boolean> {
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

export function wasmAdapter(): string {
  const n = getThreadsCount();
  return `CPU, WebAssembly (SIMD, ${n > 1 ? `${n} threads` : 'one thread'})`;
}

/** WebGL is the fallback after WebAssembly, rarely used: its backend (~370 kB) loads only then. */
async function startWebGl(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-webgl');
    return await tf.setBackend('webgl');
  } catch {
    return false;
  }
}

export async function chooseBackend(
  preferred?: BackendName,
  options: BackendOptions = {},
): Promise<BackendInfo> {
  const gpu = await probeWebGpu();
  lastGpu = gpu;
  // The webgpu backend loads only where an adapter exists (or the URL asks for it). Kernels are
  // looked up per call, so registering before any setBackend covers every route.
  if (gpu.available || preferred === 'webgpu') {
    await loadWebGpu();
    registerKernels('webgpu');
  }

  if (preferred) {
    const ok =
      preferred === 'wasm'
        ? await startWasm(options)
        : preferred === 'webgl'
          ? await startWebGl()
          : await tf.setBackend(preferred).catch(() => false);
    if (ok) {
      await tf.ready();
      const adapter =
        preferred === 'wasm' ? wasmAdapter() : preferred === 'webgpu' ? gpu.description : preferred;
      return { name: preferred, adapter, reason: problem('backend.fromUrl', { name: preferred }) };
    }
  }

  if (gpu.available && !gpu.software && (await tf.setBackend('webgpu').catch(() => false))) {
    await tf.ready();
    return {
      name: 'webgpu',
      adapter: gpu.description,
      reason: problem('backend.hardwareGpu'),
    };
  }
  // Reached with a hardware adapter only when WebGPU failed to start on it.
  const why = gpu.why ?? problem('backend.gpuDidNotStart', { adapter: gpu.description });
  if (await startWasm(options)) {
    await tf.ready();
    return {
      name: 'wasm',
      adapter: wasmAdapter(),
      reason: problem('backend.wasm', { why }),
    };
  }
  if (await startWebGl()) {
    await tf.ready();
    return {
      name: 'webgl',
      adapter: 'WebGL',
      reason: problem('backend.webgl', { why }),
    };
  }
  await tf.setBackend('cpu');
  return {
    name: 'cpu',
    adapter: 'CPU (plain JavaScript)',
    reason: problem('backend.cpu', { why }),
  };
}

/**
 * After chooseBackend's quick rule: times the probe step (runtime/backendProbe.ts) on the hardware
 * WebGPU adapter, if any, and on wasm, switches to the faster and returns the info with the
 * figures. A software adapter is not probed (its probe alone would take seconds, and it is
 * far slower than wasm), nor is WebGL (never faster than WebGPU where both exist). Figures
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
  // A note cached by an older version was a sentence: dropped rather than shown untranslated.
  let figures: BackendFigure[] | undefined = (await readCachedFigures(key))?.map((f) => ({
    ...f,
    note: isProblem(f.note) ? f.note : undefined,
    cached: true,
  }));
  if (!figures) {
    figures = [];
    const measure = async (name: BackendName, start: () => Promise<boolean>): Promise<BackendFigure> => {
      try {
        if (!(await start())) return { backend: name, ms: null, note: problem('backend.note.didNotStart') };
        return { backend: name, ms: await timeProbeStep() };
      } catch (err) {
        return {
          backend: name,
          ms: null,
          note: problem('backend.note.failed', { detail: String((err as Error)?.message ?? err) }),
        };
      }
    };
    if (gpu.available && !gpu.software) figures.push(await measure('webgpu', () => tf.setBackend('webgpu')));
    else
      figures.push({
        backend: 'webgpu',
        ms: null,
        note: problem(gpu.available ? 'backend.note.software' : 'backend.note.unavailable'),
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
    reason: problem('backend.measured', { guess: info.name }),
    figures,
  };
}
