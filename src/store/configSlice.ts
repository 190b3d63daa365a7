// The settings of the next run: model toggles, optimiser, data selection, epochs, seed and the
// recipe parts. The starting values and the recipe are the settings table's (src/shared/settings.ts).

import type { StateCreator } from 'zustand/vanilla';
import type {
  AugmentSettings,
  DataSelection,
  ModelConfig,
  OptimizerSettings,
  RunSettings,
  ScheduleSettings,
} from '../shared/types';
import { DEFAULT_SETTINGS, withPath, type AllSettings } from '../shared/settings';
import { compactSettings, withRecipe } from '../shared/settingsRecipe';

export interface ConfigSlice extends AllSettings {
  setConfig(patch: Partial<ModelConfig>): void;
  setOptimizer(patch: Partial<OptimizerSettings>): void;
  setData(patch: Partial<DataSelection>): void;
  setEpochs(epochs: number): void;
  setSeed(seed: number): void;
  setAugment(patch: Partial<AugmentSettings>): void;
  setSchedule(patch: Partial<ScheduleSettings>): void;
  setTta(on: boolean): void;
  /** Sets one setting by its path in the settings table ('optimizer.learningRate'). */
  setSetting(path: string, value: unknown): void;
  /** Applies the documented AlexNet-CIFAR accuracy recipe (README, "Accuracy recipe"). */
  applyRecipe(): void;
  /** Replaces every setting at once (a link being restored). */
  restoreSettings(settings: AllSettings): void;
}

/** The slice's settings, every part present (the slice holds exactly AllSettings' fields). */
export function allSettingsOf(s: AllSettings): AllSettings {
  const { config, optimizer, data, epochs, seed, augment, schedule, tta } = s;
  return { config, optimizer, data, epochs, seed, augment, schedule, tta };
}

/** The settings a run records: recipe parts that are off are left out. */
export function settingsOf(s: AllSettings): RunSettings {
  return compactSettings(allSettingsOf(s));
}

export const createConfigSlice: StateCreator<ConfigSlice, [], [], ConfigSlice> = (set) => ({
  ...DEFAULT_SETTINGS,
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...patch } })),
  setOptimizer: (patch) => set((s) => ({ optimizer: { ...s.optimizer, ...patch } })),
  setData: (patch) => set((s) => ({ data: { ...s.data, ...patch } })),
  setEpochs: (epochs) => set({ epochs }),
  setSeed: (seed) => set({ seed }),
  setAugment: (patch) => set((s) => ({ augment: { ...s.augment, ...patch } })),
  setSchedule: (patch) => set((s) => ({ schedule: { ...s.schedule, ...patch } })),
  setTta: (tta) => set({ tta }),
  setSetting: (path, value) => set((s) => withPath(allSettingsOf(s), path, value)),
  applyRecipe: () => set((s) => withRecipe(allSettingsOf(s))),
  restoreSettings: (settings) => set(allSettingsOf(settings)),
});
