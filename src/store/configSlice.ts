// The settings of the next run: model toggles, optimiser, data selection, epochs, seed.
// Defaults follow the paper (section 5): SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128.

import type { StateCreator } from 'zustand/vanilla';
import type { DataSelection, ModelConfig, OptimizerSettings, RunSettings } from '../shared/types';
import { defaultConfig } from '../model/spec';

export interface ConfigSlice {
  config: ModelConfig;
  optimizer: OptimizerSettings;
  data: DataSelection;
  epochs: number;
  seed: number;
  setConfig(patch: Partial<ModelConfig>): void;
  setOptimizer(patch: Partial<OptimizerSettings>): void;
  setData(patch: Partial<DataSelection>): void;
  setEpochs(epochs: number): void;
  setSeed(seed: number): void;
}

export const PAPER_OPTIMIZER: OptimizerSettings = {
  learningRate: 0.01,
  momentum: 0.9,
  weightDecay: 5e-4,
  batchSize: 128,
  decayOnPlateau: false,
  plateauEpochs: 2,
};

export const DEFAULT_DATA: DataSelection = {
  batches: [1, 2, 3, 4, 5],
  quick: true,
  quickTrain: 1000,
  quickTest: 500,
};

export function settingsOf(s: ConfigSlice): RunSettings {
  return { config: s.config, optimizer: s.optimizer, data: s.data, epochs: s.epochs, seed: s.seed };
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
});
