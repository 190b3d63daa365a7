import { describe, expect, it } from 'vitest';
import { describeError, describeRefusal, describeTrainingError } from './errors';
import type { RunSettings } from '../shared/types';
import { problem, ProblemError } from '../shared/problem';

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
      const p = describeTrainingError(new Error(raw), settings('paper', 512));
      expect(p.code).toBe('train.outOfMemory');
      expect(p.params).toEqual({
        batch: 512,
        smaller: 256,
        preset: problem('train.outOfMemoryPreset'),
        detail: raw,
      });
    }
    expect(describeTrainingError(new Error('OOM'), settings('cifar', 1)).params).toMatchObject({
      smaller: 1,
    });
    expect(describeTrainingError(new Error('OOM'), settings('cifar', 64)).params).toMatchObject({
      preset: '',
    });
  });

  it('passes other failures through as their own problem or their text', () => {
    expect(describeTrainingError(new Error('shapes do not match'), settings('cifar', 64))).toEqual(
      problem('train.failed', { cause: problem('error.unexpected', { detail: 'shapes do not match' }) }),
    );
    const own = problem('train.noImages');
    expect(describeTrainingError(new ProblemError(own), settings('cifar', 64))).toEqual(
      problem('train.failed', { cause: own }),
    );
    expect(describeError(42)).toEqual(problem('error.unknown'));
    expect(describeError('plain text')).toEqual(problem('error.unexpected', { detail: 'plain text' }));
  });
});

describe('describeRefusal', () => {
  it('words a refused file itself: its own problem, a read failure, else the fallback, never the text', () => {
    const fallback = problem('model.unreadable');
    expect(describeRefusal(new ProblemError(problem('model.notJson')), fallback)).toEqual(
      problem('model.notJson'),
    );
    const sentence = 'The requested file could not be read, typically due to permission problems.';
    expect(describeRefusal(new DOMException(sentence, 'NotReadableError'), fallback)).toEqual(
      problem('file.unreadable'),
    );
    expect(describeRefusal(new DOMException('gone', 'NotFoundError'), fallback)).toEqual(
      problem('file.unreadable'),
    );
    expect(describeRefusal(new TypeError('(t.shape ?? []).reduce is not a function'), fallback)).toEqual(
      fallback,
    );
    expect(describeRefusal('a string', fallback)).toEqual(fallback);
  });
});
