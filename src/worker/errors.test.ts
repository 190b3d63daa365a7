import { describe, expect, it } from 'vitest';
import { describeError, describeTrainingError } from './errors';
import type { RunSettings } from '../shared/types';

const settings = (preset: 'paper' | 'cifar', batchSize: number): RunSettings => ({
  config: { preset, activation: 'relu', lrn: true, dropout: true, pooling: 'overlapping', grouped: false },
  optimizer: {
    learningRate: 0.01,
    momentum: 0.9,
    weightDecay: 5e-4,
    batchSize,
    decayOnPlateau: false,
    plateauEpochs: 2,
  },
  data: { batches: [1], quick: true, quickTrain: 10, quickTest: 10 },
  epochs: 1,
  seed: 1,
});

describe('describeTrainingError', () => {
  it('says what to change when a backend runs out of memory', () => {
    for (const raw of [
      'Failed to allocate buffer of size 4294967296',
      'WebGPU: out of memory',
      'Aborted(Cannot enlarge memory arrays to size 2147549184 bytes)',
      'Requested texture size [70000x2] greater than WebGL maximum on this browser / GPU [16384x16384].',
    ]) {
      const msg = describeTrainingError(new Error(raw), settings('paper', 512));
      expect(msg).toMatch(/ran out of memory with batch size 512/);
      expect(msg).toMatch(/try 256/);
      expect(msg).toMatch(/AlexNet-CIFAR preset/);
    }
    expect(describeTrainingError(new Error('OOM'), settings('cifar', 1))).toMatch(/try 1\)/);
    expect(describeTrainingError(new Error('OOM'), settings('cifar', 64))).not.toMatch(
      /AlexNet-CIFAR preset/,
    );
  });

  it('passes other failures through in plain words', () => {
    expect(describeTrainingError(new Error('shapes do not match'), settings('cifar', 64))).toBe(
      'Training failed: shapes do not match',
    );
    expect(describeError(42)).toBe('an unknown error occurred');
    expect(describeError('plain text')).toBe('plain text');
  });
});
