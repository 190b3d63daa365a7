// Messages of the "look inside the network" views (classify an image, feature maps, conv1
// filters, test-set insight, save/load). protocol.ts includes them in ToWorker / FromWorker.

import type { DataSelection, LayerKind, ModelConfig } from './types';
import type { Problem } from './problem';

/** What to look at: an image file of the user's, or one image of the test set. */
export type InspectSubject = { kind: 'file'; file: Blob; name: string } | { kind: 'test'; index: number };

/**
 * Which weights answered: a fresh random model, the run in progress, its end, a loaded file, or
 * the pretrained model that ships with the app (public/pretrained/).
 */
export interface ModelOrigin {
  source: 'untrained' | 'pretrained' | 'training' | 'trained' | 'loaded';
  config: ModelConfig;
  seed: number;
  /** Epochs finished (0 before the first epoch ends). */
  epochs: number;
  /** With source 'pretrained': what its label says (epochs, measured accuracy, command). */
  pretrained?: { epochs: number; testAccuracy: number; testCount: number; command: string };
  /** With source 'untrained': why the shipped pretrained model is not in use, if it failed to load. */
  pretrainedProblem?: Problem;
}

/** One layer's output for one image. */
export interface LayerMaps {
  name: string;
  kind: LayerKind;
  /** [h, w, c] for image layers, [units] for FC layers. */
  shape: number[];
  /** The values, channel last (NHWC without the batch): (y·w + x)·c + channel. */
  values: Float32Array;
}

export interface Inspection {
  id: number;
  model: ModelOrigin;
  /** 32×32×3 RGB bytes: the image as the network gets it (before normalisation). */
  input: Uint8Array;
  /** The paper preset's bilinear upscale as the network sees it: size×size×3 RGB bytes; else null. */
  upscaled: { size: number; pixels: Uint8Array } | null;
  /** Softmax over the 10 classes. */
  probs: number[];
  /** The five most probable classes, highest first. */
  top5: { cls: number; p: number }[];
  /** The true class for a test image; null for the user's own. */
  trueLabel: number | null;
  /** conv, LRN, max-pool and FC layers in network order. */
  layers: LayerMaps[];
  ms: number;
}

/** The first conv layer's kernels as RGB tiles, each scaled to 0…255 on its own. */
export interface FilterTiles {
  id: number;
  model: ModelOrigin;
  layer: string;
  kernel: number;
  count: number;
  /** count × kernel × kernel × 3 bytes. */
  pixels: Uint8Array;
}

/** Predictions on the test images a run evaluates on (the quick subset in quick mode). */
export interface TestInsight {
  id: number;
  model: ModelOrigin;
  /** Test-set indices, their true labels and predicted classes. */
  indices: Uint32Array;
  labels: Uint8Array;
  preds: Uint8Array;
  /** n × 10 softmax probabilities. */
  probs: Float32Array;
  /** n × 3072 RGB bytes of the images, for the gallery. */
  pixels: Uint8Array;
  /** counts[true · 10 + predicted]. */
  counts: number[];
  perClassAcc: number[];
}

/** What the page asks about; config and seed say which model to use when none has been trained. */
export type InspectToWorker =
  | { type: 'inspect'; id: number; subject: InspectSubject; config: ModelConfig; seed: number }
  | { type: 'filters'; id: number; config: ModelConfig; seed: number }
  | { type: 'test-insight'; id: number; config: ModelConfig; seed: number; data: DataSelection }
  | { type: 'save-model'; config: ModelConfig; seed: number }
  | { type: 'load-model'; files: File[] };

export type InspectFromWorker =
  | { type: 'inspection'; result: Inspection }
  | { type: 'filter-tiles'; result: FilterTiles }
  | { type: 'test-insight-result'; result: TestInsight }
  | { type: 'inspect-error'; what: 'inspect' | 'filters' | 'insight' | 'save' | 'load'; problem: Problem }
  /** The two files to download: `jsonName` (model.json) and `weightsName` (the .bin it names). */
  | { type: 'model-saved'; json: string; weights: ArrayBuffer; jsonName: string; weightsName: string }
  | { type: 'model-loaded'; origin: ModelOrigin; name: string }
  /** The live model changed (a run started, ended an epoch, or a model was loaded): views may refresh. */
  | { type: 'model-changed'; origin: ModelOrigin };
