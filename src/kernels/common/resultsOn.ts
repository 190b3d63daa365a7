// Runs a computation on a named backend and reads its outputs back: the kernel tests and the
// start-up self-test compare two backends' results this way.
import * as tf from '@tensorflow/tfjs-core';

/** Switches to `backend`, runs `fn` in a tidy scope, returns its outputs as plain arrays. */
export async function resultsOn(backend: string, fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const out = tf.tidy(fn);
  try {
    return await Promise.all(out.map((t) => t.data() as Promise<Float32Array>));
  } finally {
    tf.dispose(out);
  }
}
