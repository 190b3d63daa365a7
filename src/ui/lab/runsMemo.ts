// Results over every run, worked out once per list of runs. Kept outside React: a store update
// that lands while React renders in the background makes it throw that render away and render
// again, synchronously, in one task (useSyncExternalStore's tearing check); work kept in useMemo
// would be thrown away with it, and with thousands of runs redone in that one long task.

/** Entries kept per list: a few targets, baselines or selections at once. */
const PER_LIST = 8;

/**
 * `compute` memoised on the identity of its first argument (a list of runs, or anything else
 * that is replaced rather than changed) and on its other arguments (compared with Object.is).
 */
export function runsMemo<L extends object, K extends unknown[], T>(
  compute: (list: L, ...keys: K) => T,
): (list: L, ...keys: K) => T {
  const cache = new WeakMap<L, { keys: K; value: T }[]>();
  return (list, ...keys) => {
    const entries = cache.get(list) ?? [];
    const hit = entries.find(
      (e) => e.keys.length === keys.length && e.keys.every((k, i) => Object.is(k, keys[i])),
    );
    if (hit) return hit.value;
    const value = compute(list, ...keys);
    cache.set(list, [{ keys, value }, ...entries].slice(0, PER_LIST));
    return value;
  };
}
