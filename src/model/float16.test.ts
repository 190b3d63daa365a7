import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { isNonFiniteFloat16, toFloat16, toFloat16Bits } from './float16';

/** TF.js's own decoder: what a file with `quantization: float16` is read back as. */
function decode(bits: Uint16Array): Float32Array {
  const out = tf.io.decodeWeights(bits.buffer as ArrayBuffer, [
    { name: 'w', shape: [bits.length], dtype: 'float32', quantization: { dtype: 'float16' } },
  ]);
  const values = out.w.dataSync() as Float32Array;
  out.w.dispose();
  return values;
}

describe('float16', () => {
  it('encodes textbook values exactly', () => {
    expect(toFloat16Bits(0)).toBe(0x0000);
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(2 ** -14)).toBe(0x0400); // smallest normal
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toFloat16Bits(1 / 3)).toBe(0x3555);
  });

  it('rounds to nearest, ties to even, and overflows to infinity', () => {
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie, even stays
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie, odd rounds up
    expect(toFloat16Bits(65520)).toBe(0x7c00);
    expect(toFloat16Bits(2 ** -25)).toBe(0x0000); // tie with zero: even
    expect(toFloat16Bits(1e-9)).toBe(0x0000);
    expect(isNonFiniteFloat16(toFloat16Bits(Infinity))).toBe(true);
    expect(isNonFiniteFloat16(toFloat16Bits(NaN))).toBe(true);
    expect(isNonFiniteFloat16(toFloat16Bits(65504))).toBe(false);
  });

  it('round-trips through TF.js within half a unit in the last place', () => {
    const values = new Float32Array(20_000);
    let s = 12345;
    for (let i = 0; i < values.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      values[i] = ((s / 2 ** 32) * 2 - 1) * 10 ** ((i % 9) - 6); // 1e-6 … 100
    }
    const back = decode(toFloat16(values));
    for (let i = 0; i < values.length; i++) {
      const v = Math.abs(values[i]);
      // Normal halves: relative 2^-11; subnormals: absolute 2^-25.
      const tol = v >= 2 ** -14 ? v * 2 ** -11 : 2 ** -25;
      expect(Math.abs(back[i] - values[i])).toBeLessThanOrEqual(tol);
    }
  });
});
