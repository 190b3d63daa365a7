// The accuracy recipe, and the optional recipe parts of RunSettings (augmentation, schedule,
// test-time averaging): a run records them only when they are on.

import type { RunSettings } from './types';
import { CONSTANT_LR, NO_AUGMENT, PAPER_OPTIMIZER, DEFAULT_SETTINGS, type AllSettings } from './settings';

/**
 * The AlexNet-CIFAR recipe: the CIFAR-native preset with all four innovations, pad-and-crop and
 * flips, a higher learning rate with one warm-up epoch and a cosine decay, 60 epochs on all five
 * batches, and mirrored test averaging. See README ("Accuracy recipe") for what was measured.
 */
export const CIFAR_RECIPE = {
  config: DEFAULT_SETTINGS.config,
  optimizer: { ...PAPER_OPTIMIZER, learningRate: 0.02 },
  augment: { flip: true, crop: true, pcaColor: false },
  schedule: { ...CONSTANT_LR, kind: 'cosine', warmupEpochs: 1 },
  epochs: 60,
  tta: true,
} satisfies Partial<AllSettings>;

/** The recipe applied to `s`: on all the ticked batches, not a quick subset. */
export function withRecipe(s: AllSettings): AllSettings {
  return { ...s, ...CIFAR_RECIPE, data: { ...s.data, quick: false } };
}

/** Every part present: absent recipe parts become their "off" defaults. */
export function fullSettings(s: RunSettings): AllSettings {
  return {
    ...s,
    augment: s.augment ?? NO_AUGMENT,
    schedule: s.schedule ?? CONSTANT_LR,
    tta: s.tta ?? false,
  };
}

/** Recipe parts that are off are left out, as a run's record stores them (see lab/plan variantKey). */
export function compactSettings(s: AllSettings): RunSettings {
  const { augment, schedule, tta, ...rest } = s;
  const augmented = augment.flip || augment.crop || augment.pcaColor;
  return {
    ...rest,
    ...(augmented ? { augment } : {}),
    ...(schedule.kind !== 'constant' || schedule.warmupEpochs > 0 ? { schedule } : {}),
    ...(tta ? { tta: true } : {}),
  };
}
