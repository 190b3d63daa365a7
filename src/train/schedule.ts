// Learning-rate schedules: warm-up, then constant, step or cosine. Pure: the trainer asks for the
// rate at a fractional epoch (e.g. 2.5 = half-way through the third epoch).

import type { ScheduleSettings } from '../shared/types';

export const NO_SCHEDULE: ScheduleSettings = {
  kind: 'constant',
  warmupEpochs: 0,
  stepEpochs: 10,
  stepFactor: 0.1,
};

/**
 * The learning rate after `epoch` epochs of `totalEpochs` (both may be fractional).
 * Warm-up: base·epoch/warmup while epoch < warmup. Step: base·factor^⌊epoch/stepEpochs⌋.
 * Cosine: base·½(1 + cos(π·t)), t the fraction of the post-warm-up epochs done.
 */
export function learningRateAt(
  schedule: ScheduleSettings,
  base: number,
  epoch: number,
  totalEpochs: number,
): number {
  const warm = Math.max(0, schedule.warmupEpochs);
  if (warm > 0 && epoch < warm) return (base * epoch) / warm;
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * Math.pow(schedule.stepFactor, Math.floor(epoch / Math.max(1e-9, schedule.stepEpochs)));
    case 'cosine': {
      const span = Math.max(1e-9, totalEpochs - warm);
      const t = Math.min(1, Math.max(0, (epoch - warm) / span));
      return base * 0.5 * (1 + Math.cos(Math.PI * t));
    }
  }
}
