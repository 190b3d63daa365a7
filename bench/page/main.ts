// The benchmark page: runs one bench Worker for a backend given in the URL and exposes the
// results on window.__bench for bench/browser.mjs to collect.
// URL: bench.html?backend=wasm&runs=cifar:64:3,paper:16:1&kernels=baseline|project&threads=1&profile=1

import type { BenchRequest } from './messages';

type BenchWindow = Window & { __bench?: { done: boolean; messages: unknown[] } };

const params = new URLSearchParams(location.search);
const backend = (params.get('backend') ?? 'wasm') as BenchRequest['backend'];
const runs = (params.get('runs') ?? 'cifar:64:3').split(',').map((r) => {
  const [preset, batch, steps] = r.split(':');
  return { preset: preset as 'cifar' | 'paper', batchSize: Number(batch), steps: Number(steps) };
});

const kernels = params.get('kernels') === 'baseline' ? 'baseline' : 'project';
const threads = params.get('threads') === '1';
const profile = params.get('profile') === '1';

const state = { done: false, messages: [] as unknown[] };
(window as BenchWindow).__bench = state;
const out = document.getElementById('out')!;
const worker = new Worker(new URL('../worker/bench.ts', import.meta.url), { type: 'module', name: 'bench' });
worker.onmessage = (e: MessageEvent<{ type: string }>) => {
  if (e.data.type === 'end') state.done = true;
  else state.messages.push(e.data);
  out.textContent += `\n${JSON.stringify(e.data)}`;
};
worker.onerror = (e) => {
  state.messages.push({ type: 'failed', backend, reason: e.message });
  state.done = true;
};
worker.postMessage({ backend, runs, kernels, threads, profile } satisfies BenchRequest);
