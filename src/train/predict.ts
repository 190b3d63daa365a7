// Plain-number helpers for predictions the UI shows: softmax, top-k, confusion matrix.
// Pure (no TF.js): the Worker calls them on values it has read back.

/** Probabilities from logits, computed stably (the largest logit is subtracted first). */
export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  const exps = Array.from(logits, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** The k most probable classes, most probable first; ties keep the lower class index first. */
export function topK(probs: ArrayLike<number>, k: number): { cls: number; p: number }[] {
  return Array.from(probs, (p, cls) => ({ cls, p }))
    .sort((a, b) => b.p - a.p || a.cls - b.cls)
    .slice(0, k);
}

/**
 * Counts per (true, predicted) pair: `counts[t * classes + p]`, plus accuracy per true class
 * (NaN where a class has no images).
 */
export function confusion(
  labels: ArrayLike<number>,
  preds: ArrayLike<number>,
  classes: number,
): { counts: number[]; perClassAcc: number[] } {
  const counts = new Array<number>(classes * classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i] * classes + preds[i]]++;
  const perClassAcc = Array.from({ length: classes }, (_, t) => {
    let row = 0;
    for (let p = 0; p < classes; p++) row += counts[t * classes + p];
    return row === 0 ? NaN : counts[t * classes + t] / row;
  });
  return { counts, perClassAcc };
}
