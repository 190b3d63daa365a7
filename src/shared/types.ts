// Types shared by the UI, the store, the Worker and the core (model/, data/, train/).
// This file imports nothing, so every layer may depend on it.

export type Activation = 'relu' | 'tanh' | 'sigmoid';
export type PoolingMode = 'overlapping' | 'non-overlapping';
export type PresetId = 'paper' | 'cifar';
/** Model width: every conv filter count and hidden FC unit count times 1, ½ or ¼ (the seed's "smaller model"). */
export type ModelWidth = '1' | '1/2' | '1/4';
/** Input preprocessing: per-channel normalisation (the default), per-pixel mean image subtracted, or ZCA whitening. */
export type Preprocess = 'channel' | 'pixel-mean' | 'zca';

/** The toggles a user can change: the four innovations, the preset and the two-tower split. */
export interface ModelConfig {
  preset: PresetId;
  activation: Activation;
  lrn: boolean;
  dropout: boolean;
  pooling: PoolingMode;
  /** The paper's two-GPU grouped convolution in C2, C4, C5 (kernel depths 48/192/192 in the paper preset). */
  grouped: boolean;
  /** Absent = '1' (runs and files from before the setting existed). */
  width?: ModelWidth;
}

/** How a layer's weights start. `normal` is the paper's N(0, std); `he` is N(0, sqrt(2 / fanIn)). */
export type WeightInit = { kind: 'normal'; std: number } | { kind: 'he' };

/**
 * One entry of a model spec. Entries carry their `kind`; a layer's kind is never guessed from
 * its name. Activations, LRN and dropout are entries of their own (as ConvNetJS "desugars" them),
 * so each toggle adds or removes entries and the layer table shows each step.
 * Shapes are NHWC, batch omitted: [height, width, channels] for images, [units] after flatten.
 */
export type LayerSpec =
  | { kind: 'input'; name: string; height: number; width: number; channels: number }
  /** Bilinear upscaling inside the network (the paper preset turns 32×32 CIFAR into 227×227). */
  | { kind: 'resize'; name: string; height: number; width: number }
  | {
      kind: 'conv';
      name: string;
      filters: number;
      kernel: number;
      stride: number;
      /** Zero padding on each side, in pixels. */
      pad: number;
      /** 2 = the paper's two towers: each half of the filters sees only half of the input channels. */
      groups: 1 | 2;
      init: WeightInit;
      biasInit: number;
    }
  | { kind: 'activation'; name: string; fn: Activation }
  /** Local response normalisation across channels: b = a / (k + alpha * sum_{n neighbours} a^2)^beta. */
  | { kind: 'lrn'; name: string; k: number; n: number; alpha: number; beta: number }
  | { kind: 'maxpool'; name: string; size: number; stride: number }
  | { kind: 'flatten'; name: string }
  | { kind: 'dense'; name: string; units: number; init: WeightInit; biasInit: number }
  | { kind: 'dropout'; name: string; rate: number };

export type LayerKind = LayerSpec['kind'];

/** A whole network: entries in order, ending in the logits (softmax is applied by the loss). */
export interface ModelSpec {
  preset: PresetId;
  config: ModelConfig;
  layers: LayerSpec[];
}

/** One row of the layer table, computed from the spec alone (no TF.js). */
export interface LayerShape {
  name: string;
  kind: LayerKind;
  /** Output shape without the batch: [h, w, c] or [units]. Fractional sizes are kept, to show why 224 fails. */
  outShape: number[];
  /** True when (in + 2·pad − kernel) / stride + 1 is not a whole number. */
  fractional: boolean;
  params: number;
  /** Multiply-adds for one image, forward pass. */
  macs: number;
}

export interface OptimizerSettings {
  learningRate: number;
  momentum: number;
  weightDecay: number;
  batchSize: number;
  /** Divide the learning rate by 10 when test error has not improved for `plateauEpochs` epochs. */
  decayOnPlateau: boolean;
  plateauEpochs: number;
}

/** Which images a run trains and tests on. */
export interface DataSelection {
  /** Training batches, 1-based as in the official release (data_batch_1 … data_batch_5). */
  batches: number[];
  /** Quick mode: a small, seeded subset for trying things (and for tests). */
  quick: boolean;
  quickTrain: number;
  quickTest: number;
  /** Absent = 'channel' (runs and files from before the setting existed). */
  preprocess?: Preprocess;
}

/**
 * Data augmentation, applied on the backend to each training batch (never to test images).
 * The paper: random crops + horizontal flips, and PCA colour noise (section 4.1).
 */
export interface AugmentSettings {
  /** Mirror each image left–right with probability ½. */
  flip: boolean;
  /** Pad 4 pixels on each side (with the mean colour) and take a random 32×32 crop. */
  crop: boolean;
  /** Add Σ αᵢλᵢpᵢ to every pixel: pᵢ, λᵢ the training set's RGB eigenvectors/values, αᵢ ~ N(0, 0.1). */
  pcaColor: boolean;
}

/** How the learning rate moves over the run (the plateau ÷10 of OptimizerSettings applies on top). */
export interface ScheduleSettings {
  kind: 'constant' | 'step' | 'cosine';
  /** Linear warm-up from 0 over this many epochs (0 = none). */
  warmupEpochs: number;
  /** For 'step': multiply by `stepFactor` every `stepEpochs` epochs. */
  stepEpochs: number;
  stepFactor: number;
}

export interface RunSettings {
  config: ModelConfig;
  optimizer: OptimizerSettings;
  data: DataSelection;
  epochs: number;
  seed: number;
  /** Absent = no augmentation. */
  augment?: AugmentSettings;
  /** Absent = constant learning rate. */
  schedule?: ScheduleSettings;
  /** Also report test error with centre + mirrored predictions averaged (the paper's multi-view test, scaled down). */
  tta?: boolean;
}

export type RunState = 'idle' | 'training' | 'paused' | 'done' | 'error';

export const CLASS_NAMES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;
export const NUM_CLASSES = 10;
/** CIFAR-10 images are 32×32 RGB. */
export const IMAGE_SIZE = 32;
export const IMAGE_BYTES = IMAGE_SIZE * IMAGE_SIZE * 3;
