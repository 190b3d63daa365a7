// The pretrained model that ships in public/pretrained/: a small manifest (pretrained.json) that
// names the model files (the app's own model format, io.ts) and states how the model was made
// and how well it does. The Worker fetches it at first open; cli/pretrainedManifest.ts writes it
// after measuring the model on the full test set. Pure: no fetch, no DOM, no TF.js (the UI uses it).

import type { ModelConfig } from '../shared/types';
import { problem, ProblemError } from '../shared/problem';

export const PRETRAINED_FORMAT = 'alexnet-lab-pretrained';
/** The manifest's name in public/pretrained/ (the folder the app fetches from its base URL). */
export const PRETRAINED_MANIFEST = 'pretrained.json';
export const PRETRAINED_DIR = 'pretrained/';

export interface PretrainedManifest {
  format: typeof PRETRAINED_FORMAT;
  /** File names beside the manifest: the model.json and the weights it names. */
  model: string;
  weights: string;
  config: ModelConfig;
  seed: number;
  /** Epochs the model trained (its metadata's). */
  epochs: number;
  /** Top-1 accuracy (0…1) on `testCount` test images, centre view only, as cli/pretrained.ts measures it. */
  testAccuracy: number;
  testCount: number;
  /** The training command, as a user would type it: `npm run train -- …`. */
  command: string;
  /** Backend and data the accuracy was measured with. */
  measuredWith: string;
  trainedAt: string;
  measuredAt: string;
}

/** What the app says about the pretrained model wherever it is used. */
export interface PretrainedLabel {
  epochs: number;
  testAccuracy: number;
  testCount: number;
  command: string;
}

/** A plain file name (no folders, no URL): the manifest may only point beside itself. */
const isFileName = (v: unknown) => typeof v === 'string' && /^[\w.-]+$/.test(v) && !v.startsWith('.');

const bad = (field: string) => new ProblemError(problem('pretrained.badManifest', { field }));

/** The manifest's text → its fields; a ProblemError naming the first field that does not fit. */
export function parsePretrainedManifest(text: string): PretrainedManifest {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw bad('json');
  }
  if (typeof m !== 'object' || m === null || m.format !== PRETRAINED_FORMAT) throw bad('format');
  if (!isFileName(m.model) || !(m.model as string).endsWith('.json')) throw bad('model');
  if (!isFileName(m.weights) || !(m.weights as string).endsWith('.bin')) throw bad('weights');
  if (typeof m.config !== 'object' || m.config === null) throw bad('config');
  // A manifest from before the width setting describes a ×1 model.
  const config = m.config as ModelConfig;
  m.config = { ...config, width: config.width ?? '1' };
  if (!Number.isInteger(m.seed) || (m.seed as number) < 0) throw bad('seed');
  if (!Number.isInteger(m.epochs) || (m.epochs as number) < 1) throw bad('epochs');
  const acc = m.testAccuracy;
  if (typeof acc !== 'number' || !(acc >= 0 && acc <= 1)) throw bad('testAccuracy');
  if (!Number.isInteger(m.testCount) || (m.testCount as number) < 1) throw bad('testCount');
  if (typeof m.command !== 'string' || !m.command.startsWith('npm run train -- ')) throw bad('command');
  for (const f of ['measuredWith', 'trainedAt', 'measuredAt']) if (typeof m[f] !== 'string') throw bad(f);
  return m as unknown as PretrainedManifest;
}

const sameConfig = (a: ModelConfig, b: ModelConfig) =>
  (Object.keys(a) as (keyof ModelConfig)[]).every((k) => a[k] === b[k]) &&
  Object.keys(a).length === Object.keys(b).length;

/**
 * The manifest describes the model file it names: same architecture, seed and epochs, and a
 * trained model. Throws ProblemError('pretrained.mismatch', {field}) otherwise: a label that
 * does not belong to its weights must not be shown.
 */
export function checkPretrained(
  manifest: PretrainedManifest,
  meta: { config: ModelConfig; seed: number; epochs: number; trained: boolean },
): void {
  const mismatch = (field: string) => new ProblemError(problem('pretrained.mismatch', { field }));
  if (!sameConfig(manifest.config, meta.config)) throw mismatch('config');
  if (manifest.seed !== meta.seed) throw mismatch('seed');
  if (manifest.epochs !== meta.epochs || !meta.trained) throw mismatch('epochs');
}

export function pretrainedLabel(m: PretrainedManifest): PretrainedLabel {
  return { epochs: m.epochs, testAccuracy: m.testAccuracy, testCount: m.testCount, command: m.command };
}

/** The accuracy as the label shows it: a percentage with two decimals (10,000 images: 0.01 % each). */
export const accuracyPercent = (acc: number): string => (acc * 100).toFixed(2);
