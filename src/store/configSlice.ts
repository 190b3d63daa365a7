// The settings of the next run: model toggles, optimiser, data selection, epochs, seed.
// Defaults follow the paper (section 5): SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128.

import type { StateCreator } from 'zustand/vanilla';
import type {
  AugmentSettings,
  DataSelection,
  ModelConfig,
  OptimizerSettings,
  RunSettings,
  ScheduleSettings,
} from '../shared/types';
import { defaultConfig } from '../model/spec';
import { PAPER_OPTIMIZER } from '../shared/defaults';

export interface ConfigSlice {
  config: ModelConfig;
  optimizer: OptimizerSettings;
  data: DataSelection;
  epochs: number;
  seed: number;
  augment: AugmentSettings;
  schedule: ScheduleSettings;
  tta: boolean;
  setConfig(patch: Partial<ModelConfig>): void;
  setOptimizer(patch: Partial<OptimizerSettings>): void;
  setData(patch: Partial<DataSelection>): void;
  setEpochs(epochs: number): void;
  setSeed(seed: number): void;
  setAugment(patch: Partial<AugmentSettings>): void;
  setSchedule(patch: Partial<ScheduleSettings>): void;
  setTta(on: boolean): void;
  /** Applies the documented AlexNet-CIFAR accuracy recipe (README, "Accuracy recipe"). */
  applyRecipe(): void;
}

export { PAPER_OPTIMIZER };

export const DEFAULT_DATA: DataSelection = {
  batches: [1, 2, 3, 4, 5],
  quick: true,
  quickTrain: 1000,
  quickTest: 500,
};

export const NO_AUGMENT: AugmentSettings = { flip: false, crop: false, pcaColor: false };
export const CONSTANT_LR: ScheduleSettings = {
  kind: 'constant',
  warmupEpochs: 0,
  stepEpochs: 10,
  stepFactor: 0.1,
};

/**
 * The AlexNet-CIFAR recipe: the CIFAR-native preset with all four innovations, pad-and-crop and
 * flips, a higher learning rate with one warm-up epoch and a cosine decay, 60 epochs on all five
 * batches, and mirrored test averaging. See README ("Accuracy recipe") for what was measured.
 */
export const CIFAR_RECIPE = {
  config: defaultConfig('cifar'),
  optimizer: { ...PAPER_OPTIMIZER, learningRate: 0.02 },
  augment: { flip: true, crop: true, pcaColor: false },
  schedule: { kind: 'cosine', warmupEpochs: 1, stepEpochs: 10, stepFactor: 0.1 },
  epochs: 60,
  tta: true,
} satisfies Pick<RunSettings, 'config' | 'optimizer' | 'epochs'> & {
  augment: AugmentSettings;
  schedule: ScheduleSettings;
  tta: boolean;
};

export function settingsOf(s: ConfigSlice): RunSettings {
  const augmented = s.augment.flip || s.augment.crop || s.augment.pcaColor;
  return {
    config: s.config,
    optimizer: s.optimizer,
    data: s.data,
    epochs: s.epochs,
    seed: s.seed,
    ...(augmented ? { augment: s.augment } : {}),
    ...(s.schedule.kind !== 'constant' || s.schedule.warmupEpochs > 0 ? { schedule: s.schedule } : {}),
    ...(s.tta ? { tta: true } : {}),
  };
}

export const createConfigSlice: StateCreator<ConfigSlice, [], [], ConfigSlice> = (set) => ({
  config: defaultConfig('cifar'),
  optimizer: PAPER_OPTIMIZER,
  data: DEFAULT_DATA,
  epochs: 1,
  seed: 1,
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...patch } })),
  setOptimizer: (patch) => set((s) => ({ optimizer: { ...s.optimizer, ...patch } })),
  setData: (patch) => set((s) => ({ data: { ...s.data, ...patch } })),
  setEpochs: (epochs) => set({ epochs }),
  setSeed: (seed) => set({ seed }),
  augment: NO_AUGMENT,
  schedule: CONSTANT_LR,
  tta: false,
  setAugment: (patch) => set((s) => ({ augment: { ...s.augment, ...patch } })),
  setSchedule: (patch) => set((s) => ({ schedule: { ...s.schedule, ...patch } })),
  setTta: (tta) => set({ tta }),
  applyRecipe: () =>
    set((s) => ({
      config: CIFAR_RECIPE.config,
      optimizer: CIFAR_RECIPE.optimizer,
      augment: CIFAR_RECIPE.augment,
      schedule: CIFAR_RECIPE.schedule,
      epochs: CIFAR_RECIPE.epochs,
      tta: CIFAR_RECIPE.tta,
      data: { ...s.data, quick: false },
    })),
});
