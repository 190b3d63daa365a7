// The settings table: every setting of a run, one row each (in the spirit of TensorFlow
// Playground's state.ts). Defaults, the URL codec (lab/url.ts), file validation (lab/validate.ts),
// the config panel's fields (ui/config/SettingField.tsx) and the CLI's flags (cli/args.ts) are all
// generated from these rows, so a range or a choice is written once (the recipe: settingsRecipe.ts).

import type {
  Activation,
  AugmentSettings,
  ModelConfig,
  ModelWidth,
  PoolingMode,
  Preprocess,
  PresetId,
  RunSettings,
  ScheduleSettings,
} from './types';

export const PRESETS: readonly PresetId[] = ['cifar', 'paper'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid'];
export const POOLINGS: readonly PoolingMode[] = ['overlapping', 'non-overlapping'];
export const WIDTHS: readonly ModelWidth[] = ['1', '1/2', '1/4'];
const WIDTH_FACTORS: Record<ModelWidth, number> = { '1': 1, '1/2': 0.5, '1/4': 0.25 };
/** The width as a number: 1, 0.5 or 0.25 (absent = 1, runs from before the setting). */
export const widthFactor = (width: ModelWidth = '1'): number => WIDTH_FACTORS[width];
export const PREPROCESSES: readonly Preprocess[] = ['channel', 'pixel-mean', 'zca'];
export const SCHEDULES: readonly ScheduleSettings['kind'][] = ['constant', 'step', 'cosine'];
export const MAX_SEED = 2 ** 31 - 1;

/** Every setting, present: the optional recipe parts of RunSettings filled with their "off" values. */
export type AllSettings = Required<RunSettings>;

interface RowBase {
  /** Dotted path into RunSettings, e.g. 'optimizer.learningRate'. */
  path: string;
  /** i18n key (src/ui/i18n/en.ts) of the field's label. */
  label: string;
  /** Query-parameter name in a shared link. */
  url: string;
  /** CLI flag without the dashes: `--lr 0.02`; booleans are `--flip` / `--no-flip`. */
  cli: string;
  /** Added after runs were first saved: a file without it reads as the default instead of being refused. */
  absentIsDefault?: true;
}

export type SettingRow = RowBase &
  (
    | { type: 'number' | 'int'; min: number; max: number; default: number }
    | { type: 'bool'; default: boolean }
    | {
        type: 'choice';
        choices: readonly string[];
        default: string;
        /** How each choice is written in the URL, when not as itself (kept short for links). */
        urlTokens?: readonly string[];
        /** i18n key of each choice's option text; null shows the choice itself. */
        optionLabels: readonly (string | null)[];
      }
    /** A set of whole numbers in [min, max], kept sorted without repeats; never empty. */
    | { type: 'list'; min: number; max: number; default: number[] }
  );

export const SETTINGS: readonly SettingRow[] = [
  {
    path: 'config.preset',
    type: 'choice',
    choices: PRESETS,
    default: 'cifar',
    optionLabels: ['presetCifar', 'presetPaper'],
    label: 'preset',
    url: 'preset',
    cli: 'preset',
  },
  {
    path: 'config.activation',
    type: 'choice',
    choices: ACTIVATIONS,
    default: 'relu',
    optionLabels: ['reluPaper', null, null],
    label: 'activation',
    url: 'act',
    cli: 'activation',
  },
  { path: 'config.lrn', type: 'bool', default: true, label: 'lrnToggle', url: 'lrn', cli: 'lrn' },
  {
    path: 'config.dropout',
    type: 'bool',
    default: true,
    label: 'dropoutToggle',
    url: 'drop',
    cli: 'dropout',
  },
  {
    path: 'config.pooling',
    type: 'choice',
    choices: POOLINGS,
    default: 'overlapping',
    urlTokens: ['ovl', 'non'],
    optionLabels: ['poolingOverlapping', 'poolingNonOverlapping'],
    label: 'pooling',
    url: 'pool',
    cli: 'pooling',
  },
  {
    path: 'config.grouped',
    type: 'bool',
    default: false,
    label: 'groupedToggle',
    url: 'grp',
    cli: 'grouped',
  },
  // The seed's "smaller model" fix: filter and unit counts × 1, ½, ¼ (model/spec.ts rounds to even).
  {
    path: 'config.width',
    type: 'choice',
    choices: WIDTHS,
    default: '1',
    urlTokens: ['1', 'h', 'q'],
    optionLabels: ['widthFull', 'widthHalf', 'widthQuarter'],
    label: 'modelWidth',
    url: 'w',
    cli: 'width',
    absentIsDefault: true,
  },
  // The paper's optimiser (section 5): SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128.
  {
    path: 'optimizer.learningRate',
    type: 'number',
    min: 1e-6,
    max: 1,
    default: 0.01,
    label: 'learningRate',
    url: 'lr',
    cli: 'lr',
  },
  {
    path: 'optimizer.momentum',
    type: 'number',
    min: 0,
    max: 0.999,
    default: 0.9,
    label: 'momentum',
    url: 'mom',
    cli: 'momentum',
  },
  {
    path: 'optimizer.weightDecay',
    type: 'number',
    min: 0,
    max: 0.1,
    default: 5e-4,
    label: 'weightDecay',
    url: 'wd',
    cli: 'weight-decay',
  },
  {
    path: 'optimizer.batchSize',
    type: 'int',
    min: 1,
    max: 1024,
    default: 128,
    label: 'batchSize',
    url: 'bs',
    cli: 'batch',
  },
  {
    path: 'optimizer.decayOnPlateau',
    type: 'bool',
    default: false,
    label: 'plateauToggle',
    url: 'plat',
    cli: 'plateau',
  },
  {
    path: 'optimizer.plateauEpochs',
    type: 'int',
    min: 1,
    max: 100,
    default: 2,
    label: 'settingPlateauEpochs',
    url: 'platn',
    cli: 'plateau-epochs',
  },
  { path: 'epochs', type: 'int', min: 1, max: 500, default: 1, label: 'epochs', url: 'ep', cli: 'epochs' },
  { path: 'seed', type: 'int', min: 0, max: MAX_SEED, default: 1, label: 'seed', url: 'seed', cli: 'seed' },
  {
    path: 'data.batches',
    type: 'list',
    min: 1,
    max: 5,
    default: [1, 2, 3, 4, 5],
    label: 'trainingBatches',
    url: 'b',
    cli: 'batches',
  },
  { path: 'data.quick', type: 'bool', default: true, label: 'quickMode', url: 'quick', cli: 'quick' },
  // At least one image: quick mode with none would train (or test) on nothing.
  {
    path: 'data.quickTrain',
    type: 'int',
    min: 1,
    max: 50000,
    default: 1000,
    label: 'labQuickTrain',
    url: 'qtr',
    cli: 'quick-train',
  },
  {
    path: 'data.quickTest',
    type: 'int',
    min: 1,
    max: 10000,
    default: 500,
    label: 'labQuickTest',
    url: 'qte',
    cli: 'quick-test',
  },
  // The seed's preprocessing proposal, fitted on the training images only (data/whiten.ts).
  {
    path: 'data.preprocess',
    type: 'choice',
    choices: PREPROCESSES,
    default: 'channel',
    urlTokens: ['ch', 'pm', 'zca'],
    optionLabels: ['preprocessChannel', 'preprocessPixelMean', 'preprocessZca'],
    label: 'preprocess',
    url: 'prep',
    cli: 'preprocess',
    absentIsDefault: true,
  },
  { path: 'augment.flip', type: 'bool', default: false, label: 'flipToggle', url: 'flip', cli: 'flip' },
  { path: 'augment.crop', type: 'bool', default: false, label: 'cropToggle', url: 'crop', cli: 'crop' },
  {
    path: 'augment.pcaColor',
    type: 'bool',
    default: false,
    label: 'pcaToggle',
    url: 'pca',
    cli: 'pca-color',
  },
  {
    path: 'schedule.kind',
    type: 'choice',
    choices: SCHEDULES,
    default: 'constant',
    optionLabels: ['scheduleConstant', 'scheduleStep', 'scheduleCosine'],
    label: 'schedule',
    url: 'sched',
    cli: 'schedule',
  },
  // Up to the longest run: a long run may warm up for longer than a short one lasts.
  {
    path: 'schedule.warmupEpochs',
    type: 'int',
    min: 0,
    max: 500,
    default: 0,
    label: 'warmup',
    url: 'warm',
    cli: 'warmup',
  },
  {
    path: 'schedule.stepEpochs',
    type: 'int',
    min: 1,
    max: 500,
    default: 10,
    label: 'settingStepEpochs',
    url: 'stepn',
    cli: 'step-epochs',
  },
  {
    path: 'schedule.stepFactor',
    type: 'number',
    min: 0,
    max: 1,
    default: 0.1,
    label: 'settingStepFactor',
    url: 'stepf',
    cli: 'step-factor',
  },
  { path: 'tta', type: 'bool', default: false, label: 'ttaToggle', url: 'tta', cli: 'tta' },
];

/** The parts of RunSettings that may be absent (absent = off); the others are required. */
export const OPTIONAL_PARTS = ['augment', 'schedule', 'tta'] as const;

export function settingRow(path: string): SettingRow {
  const row = SETTINGS.find((r) => r.path === path);
  if (!row) throw new Error(`no setting ${path}`);
  return row;
}

export function getPath(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/** A copy of `obj` with the value at `path` replaced (the objects along the path are copied too). */
export function withPath<T extends object>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const o = obj as Record<string, unknown>;
  const next = rest.length === 0 ? value : withPath((o[head] ?? {}) as object, rest.join('.'), value);
  return { ...obj, [head]: next };
}

export const DEFAULT_SETTINGS = SETTINGS.reduce<object>(
  (s, row) => withPath(s, row.path, row.default),
  {},
) as AllSettings;

export const NO_AUGMENT: AugmentSettings = DEFAULT_SETTINGS.augment;
export const CONSTANT_LR: ScheduleSettings = DEFAULT_SETTINGS.schedule;
export const PAPER_OPTIMIZER = DEFAULT_SETTINGS.optimizer;

/** Every combination of the four innovations from the table's choices (3 × 2 × 2 × 2 = 24), activation outermost. */
export function innovationGrid(base: ModelConfig): ModelConfig[] {
  const out: ModelConfig[] = [];
  for (const activation of ACTIVATIONS)
    for (const lrn of [true, false])
      for (const dropout of [true, false])
        for (const pooling of POOLINGS) out.push({ ...base, activation, lrn, dropout, pooling });
  return out;
}
