// Settings every layer starts from: the page's store, the headless trainer and the tests.

import type { OptimizerSettings } from './types';

/** The paper's optimiser (section 5): SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128. */
export const PAPER_OPTIMIZER: OptimizerSettings = {
  learningRate: 0.01,
  momentum: 0.9,
  weightDecay: 5e-4,
  batchSize: 128,
  decayOnPlateau: false,
  plateauEpochs: 2,
};
