// The two networks as data. A blueprint lists the eight weight layers of a preset; spec.ts
// "desugars" it with the user's toggles into the entry list (activations, LRN, pooling and
// dropout become entries of their own). Nothing here imports TF.js.
import type { PresetId, WeightInit } from '../shared/types';

/** One convolutional stage: conv → act → (LRN) → (max-pool). */
export interface ConvStage {
  filters: number;
  kernel: number;
  stride: number;
  /** Zero padding on each side, in pixels. */
  pad: number;
  /** True where the paper splits the layer across its two GPUs (C2, C4, C5). */
  groupable: boolean;
  /** An LRN entry follows the activation (when the LRN toggle is on). */
  lrn: boolean;
  /** A max-pool entry ends the stage. */
  pool: boolean;
  biasInit: number;
}

/** One hidden fully connected layer: dense → act → (dropout). */
export interface HiddenDense {
  units: number;
  biasInit: number;
}

/** Everything that defines a preset; the toggles pick among its variants. */
export interface PresetBlueprint {
  id: PresetId;
  label: string;
  /** The images fed to the network: CIFAR-10, [32, 32, 3]. */
  input: { height: number; width: number; channels: number };
  /** Bilinear upscale inside the network before C1, or null. */
  resize: { height: number; width: number } | null;
  convs: ConvStage[];
  hidden: HiddenDense[];
  classes: number;
  /** Initialisation of every conv and hidden dense kernel. */
  init: WeightInit;
  /** Initialisation of the output layer's kernel (fc8), small so that step 0 starts at ln 10. */
  outputInit: WeightInit;
  outputBiasInit: number;
  /** LRN constants from the paper (section 3.3): k = 2, n = 5, alpha = 1e-4, beta = 0.75. */
  lrn: { k: number; n: number; alpha: number; beta: number };
  dropoutRate: number;
}

const PAPER_LRN = { k: 2, n: 5, alpha: 1e-4, beta: 0.75 };

/**
 * fc8's kernel in both presets: N(0, 0.001²). The logits then have a standard deviation of at
 * most ~0.2 in every toggle combination, so the first softmax is nearly uniform and the loss at
 * step 0 is ln 10 ± 0.1 (tested in init.test.ts). With He (CIFAR) or the paper's N(0, 0.01) the
 * step-0 loss was 2.5–18 depending on the toggles: the first steps were spent shrinking logits.
 * Small rather than zero, so that the hidden layers get a gradient from the very first step.
 */
const OUTPUT_INIT: WeightInit = { kind: 'normal', std: 0.001 };

/**
 * The ImageNet network of Krizhevsky et al. (2012), with 10 outputs. CIFAR images are upscaled to
 * 227×227 inside the network: with 227, C1 gives (227 − 11)/4 + 1 = 55 exactly (224, the size in
 * the paper's text, gives 54.25). Init as in section 5: N(0, 0.01) kernels; biases 1 in C2, C4, C5
 * and the hidden FC layers (to give ReLUs positive inputs early), 0 elsewhere. Only fc8 departs
 * from section 5 (OUTPUT_INIT): with N(0, 0.01) its step-0 loss was 2.28–3.84, not ln 10.
 */
export const PAPER: PresetBlueprint = {
  id: 'paper',
  label: 'AlexNet (paper)',
  input: { height: 32, width: 32, channels: 3 },
  resize: { height: 227, width: 227 },
  convs: [
    { filters: 96, kernel: 11, stride: 4, pad: 0, groupable: false, lrn: true, pool: true, biasInit: 0 },
    { filters: 256, kernel: 5, stride: 1, pad: 2, groupable: true, lrn: true, pool: true, biasInit: 1 },
    { filters: 384, kernel: 3, stride: 1, pad: 1, groupable: false, lrn: false, pool: false, biasInit: 0 },
    { filters: 384, kernel: 3, stride: 1, pad: 1, groupable: true, lrn: false, pool: false, biasInit: 1 },
    { filters: 256, kernel: 3, stride: 1, pad: 1, groupable: true, lrn: false, pool: true, biasInit: 1 },
  ],
  hidden: [
    { units: 4096, biasInit: 1 },
    { units: 4096, biasInit: 1 },
  ],
  classes: 10,
  init: { kind: 'normal', std: 0.01 },
  outputInit: OUTPUT_INIT,
  outputBiasInit: 0,
  lrn: PAPER_LRN,
  dropoutRate: 0.5,
};

/**
 * The same eight layers scaled for 32×32 input (64c5-192c5-384c3-256c3-256c3, FC 1024-512-10).
 * Sizes with overlapping pooling: 32 → C1 32 → pool 15 (the 32nd row/column is dropped, as TF
 * 'valid' floors 15.5) → C2 15 → pool 7 → C3–C5 7 → pool 3 → 3·3·256 = 2304.
 * He init instead of the paper's N(0, 0.01): with std 0.01 the signal shrinks ~100× per layer and
 * SGD sits on a plateau for many epochs (the paper got through it by training for days); He keeps
 * the activation variance constant from layer to layer (fc8 excepted: OUTPUT_INIT). Biases 0.
 */
export const CIFAR: PresetBlueprint = {
  id: 'cifar',
  label: 'AlexNet-CIFAR',
  input: { height: 32, width: 32, channels: 3 },
  resize: null,
  convs: [
    { filters: 64, kernel: 5, stride: 1, pad: 2, groupable: false, lrn: true, pool: true, biasInit: 0 },
    { filters: 192, kernel: 5, stride: 1, pad: 2, groupable: true, lrn: true, pool: true, biasInit: 0 },
    { filters: 384, kernel: 3, stride: 1, pad: 1, groupable: false, lrn: false, pool: false, biasInit: 0 },
    { filters: 256, kernel: 3, stride: 1, pad: 1, groupable: true, lrn: false, pool: false, biasInit: 0 },
    { filters: 256, kernel: 3, stride: 1, pad: 1, groupable: true, lrn: false, pool: true, biasInit: 0 },
  ],
  hidden: [
    { units: 1024, biasInit: 0 },
    { units: 512, biasInit: 0 },
  ],
  classes: 10,
  init: { kind: 'he' },
  outputInit: OUTPUT_INIT,
  outputBiasInit: 0,
  lrn: PAPER_LRN,
  dropoutRate: 0.5,
};

export const PRESETS: Record<PresetId, PresetBlueprint> = { paper: PAPER, cifar: CIFAR };

/** Overlapping = the paper's z = 3, s = 2; non-overlapping = the traditional z = s = 2. */
export const POOLING = {
  overlapping: { size: 3, stride: 2 },
  'non-overlapping': { size: 2, stride: 2 },
} as const;
