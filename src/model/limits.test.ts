import { describe, expect, it } from 'vitest';
import { buildSpec, defaultConfig } from './spec';
import { checkLimits, largestBatchThatFits, runBuffers, splitKSlices } from './limits';

const MiB = 1024 * 1024;
const cap = (bytes: number) => ({ maxStorageBufferBindingSize: bytes, maxBufferSize: 4 * bytes });
const paper = buildSpec(defaultConfig('paper'));
const cifar = buildSpec(defaultConfig('cifar'));

describe('runBuffers', () => {
  it("counts the paper preset's C1 output at batch 128 as 148.7 MB", () => {
    const c1 = runBuffers(paper, 128).find((b) => b.layer === 'conv1' && b.what === 'activation')!;
    // [128, 55, 55, 96] float32
    expect(c1.bytes).toBe(128 * 55 * 55 * 96 * 4);
    expect(c1.bytes / 1e6).toBeCloseTo(148.7, 1);
  });

  it('grows the activations with the batch but not the weights', () => {
    const at = (batch: number) => runBuffers(cifar, batch);
    const one = at(1);
    const two = at(2);
    one.forEach((b, i) => {
      if (b.what === 'activation') expect(two[i].bytes).toBe(2 * b.bytes);
      if (b.what === 'weights') expect(two[i].bytes).toBe(b.bytes);
    });
  });

  it('counts the split-K partial sums of a conv weight gradient once K is long enough', () => {
    expect(splitKSlices(2304, 384, 200)).toBe(1);
    // 216 64-tiles want ceil(1024 / 216) = 5 slices, far fewer than K allows.
    expect(splitKSlices(2304, 384, 169 * 128)).toBe(5);
    expect(splitKSlices(75, 64, 1_000_000)).toBe(64);
    const partial = runBuffers(cifar, 128).filter((b) => b.what === 'splitK');
    expect(partial.length).toBeGreaterThan(0);
  });
});

describe('checkLimits and largestBatchThatFits', () => {
  it('takes the smaller of the two limits as the cap', () => {
    const v = checkLimits(cifar, 8, { maxStorageBufferBindingSize: 256 * MiB, maxBufferSize: MiB });
    expect(v.cap).toBe(MiB);
  });

  it('refuses the paper preset on a 128 MiB binding at batch 128: its C1 output alone is over', () => {
    const limits = cap(128 * MiB);
    const v = checkLimits(paper, 128, limits);
    expect(v.fits).toBe(false);
    expect(v.largest.bytes).toBeGreaterThan(128 * MiB);
    // fc6's kernel (9216 × 4096 floats, 151 MB) is over that cap at any batch: nothing fits.
    expect(runBuffers(paper, 1).find((b) => b.layer === 'fc6' && b.what === 'weights')!.bytes).toBe(
      9216 * 4096 * 4,
    );
    expect(largestBatchThatFits(paper, limits, 128)).toBe(0);
  });

  it('proposes the largest batch whose every buffer fits, and that batch does fit', () => {
    // 256 MiB: C1's [b, 55, 55, 96] output decides: floor(256 MiB / 1,161,600 B) = 231.
    expect(largestBatchThatFits(paper, cap(256 * MiB), 512)).toBe(231);
    expect(checkLimits(paper, 231, cap(256 * MiB)).fits).toBe(true);
    expect(checkLimits(paper, 232, cap(256 * MiB)).fits).toBe(false);
    // fc6's 9.4 MB kernel is the floor: under it no batch fits.
    expect(largestBatchThatFits(cifar, cap(8 * MiB), 4096)).toBe(0);
    for (const bytes of [10 * MiB, 32 * MiB, 64 * MiB]) {
      const batch = largestBatchThatFits(cifar, cap(bytes), 4096);
      expect(batch).toBeGreaterThan(0);
      expect(checkLimits(cifar, batch, cap(bytes)).fits).toBe(true);
      if (batch < 4096) expect(checkLimits(cifar, batch + 1, cap(bytes)).fits).toBe(false);
    }
  });

  it('never proposes more than the batch asked for', () => {
    expect(largestBatchThatFits(cifar, cap(1024 * MiB), 64)).toBe(64);
  });
});
