// Keeps charts smooth at 100,000 points: at most `threshold` points reach a chart.

/**
 * Largest-Triangle-Three-Buckets: keeps the first and last point and, from each bucket between,
 * the point that forms the largest triangle with its neighbours' choices — spikes survive,
 * unlike plain averaging or striding. Returns indices into xs/ys, increasing.
 */
export function lttbIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, threshold: number): number[] {
  const n = xs.length;
  if (threshold >= n || threshold < 3) return Array.from({ length: n }, (_, i) => i);
  const out = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket, the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j];
      avgY += ys[j];
    }
    const len = Math.max(1, nextEnd - nextStart);
    avgX /= len;
    avgY /= len;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((xs[a] - avgX) * (ys[j] - ys[a]) - (xs[a] - xs[j]) * (avgY - ys[a]));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}

/** Exponential moving average with bias correction (as TensorBoard's smoothing), weight 0…1. */
export function smooth(ys: ArrayLike<number>, weight: number): number[] {
  const out: number[] = new Array(ys.length);
  let last = 0;
  for (let i = 0; i < ys.length; i++) {
    last = last * weight + (1 - weight) * ys[i];
    out[i] = last / (1 - Math.pow(weight, i + 1));
  }
  return out;
}
