// Toggles → entry list. Pure data, no TF.js: the UI uses it for the layer table, the Worker
// hands the same spec to build.ts.
import type { LayerSpec, ModelConfig, ModelSpec, ModelWidth, PresetId } from '../shared/types';
import { DEFAULT_SETTINGS, innovationGrid, widthFactor } from '../shared/settings';
import { POOLING, PRESETS } from './presets';

/** The paper's network as published: ReLU, LRN, dropout, overlapping pooling, no two-tower split. */
export function defaultConfig(preset: PresetId = 'cifar'): ModelConfig {
  return { ...DEFAULT_SETTINGS.config, preset };
}

/**
 * A filter or unit count scaled by the width, rounded to an even number (at least 2), so that a
 * grouped conv still splits its filters and its input channels into two equal towers.
 */
export function scaledCount(n: number, width: ModelWidth = '1'): number {
  const f = widthFactor(width);
  return f === 1 ? n : Math.max(2, 2 * Math.round((n * f) / 2));
}

/**
 * Desugars a preset's blueprint with the toggles into entries named
 * input, (upscale), conv1, act1, (lrn1), pool1, …, conv5, act5, pool5, flatten,
 * fc6, act6, (drop6), fc7, act7, (drop7), fc8. The last entry gives the logits, [10].
 */
export function buildSpec(config: ModelConfig): ModelSpec {
  const bp = PRESETS[config.preset];
  const pool = POOLING[config.pooling];
  const layers: LayerSpec[] = [{ kind: 'input', name: 'input', ...bp.input }];
  if (bp.resize) layers.push({ kind: 'resize', name: 'upscale', ...bp.resize });

  bp.convs.forEach((c, i) => {
    const n = i + 1;
    layers.push({
      kind: 'conv',
      name: `conv${n}`,
      filters: scaledCount(c.filters, config.width),
      kernel: c.kernel,
      stride: c.stride,
      pad: c.pad,
      groups: config.grouped && c.groupable ? 2 : 1,
      init: bp.init,
      biasInit: c.biasInit,
    });
    layers.push({ kind: 'activation', name: `act${n}`, fn: config.activation });
    if (c.lrn && config.lrn) layers.push({ kind: 'lrn', name: `lrn${n}`, ...bp.lrn });
    if (c.pool) layers.push({ kind: 'maxpool', name: `pool${n}`, size: pool.size, stride: pool.stride });
  });

  layers.push({ kind: 'flatten', name: 'flatten' });
  const first = bp.convs.length + 1;
  bp.hidden.forEach((h, i) => {
    const n = first + i;
    layers.push({
      kind: 'dense',
      name: `fc${n}`,
      units: scaledCount(h.units, config.width),
      init: bp.init,
      biasInit: h.biasInit,
    });
    layers.push({ kind: 'activation', name: `act${n}`, fn: config.activation });
    if (config.dropout) layers.push({ kind: 'dropout', name: `drop${n}`, rate: bp.dropoutRate });
  });
  layers.push({
    kind: 'dense',
    name: `fc${first + bp.hidden.length}`,
    units: bp.classes,
    init: bp.outputInit,
    biasInit: bp.outputBiasInit,
  });
  return { preset: config.preset, config: { ...config }, layers };
}

/** Every toggle combination of one preset (the 24 innovation configs × grouped off/on = 48). */
export function allConfigs(preset: PresetId): ModelConfig[] {
  return innovationGrid(defaultConfig(preset)).flatMap((c) =>
    [false, true].map((grouped) => ({ ...c, grouped })),
  );
}
