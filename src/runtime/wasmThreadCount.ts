// How many wasm threads training gets. Pure, so the rule is unit-tested without a browser.
//
// Every wasm thread runs flat out during a step, and the page's main thread (charts, clicks)
// needs a core too: with all cores busy its tasks wait for a core and the page stutters
// (issue #7: no task over 50 ms). From 4 logical cores on, one is left to the page — a quarter
// or less of the compute. On 2 cores both are kept: one thread alone trains at about half the
// speed (README "Benchmarks"), and the page's short tasks still fit on a quiet 2-core machine
// (docs/performance.md).

/** Threads for `logicalCores` (navigator.hardwareConcurrency; 0 or missing counts as 1), 1…8. */
export function wasmThreadCount(logicalCores: number | undefined): number {
  const cores = Math.max(1, Math.floor(logicalCores || 1));
  const threads = cores >= 4 ? cores - 1 : cores;
  // tfjs-backend-wasm pre-starts a pool of 8 pthread Workers: more would wait for none.
  return Math.min(8, threads);
}
