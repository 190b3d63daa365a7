/// <reference lib="webworker" />
// The Worker side of the inspect views. It keeps the latest model (the run in progress, the last
// run, or a loaded file) with its normalisation, and answers the page's inspect requests between
// training steps. Without a trained model it uses a freshly initialised one for the page's
// current config and seed, and says so ("untrained").

import type { Dataset } from '../shared/dataset';
import type { FromWorker } from '../shared/protocol';
import type { InspectToWorker, ModelOrigin } from '../shared/inspect';
import type { ModelConfig, RunSettings } from '../shared/types';
import { createModel, type TrainableModel } from '../model/build';
import { loadModel, saveModel } from '../model/io';
import { buildSpec } from '../model/spec';
import { channelStats, type ChannelStats } from '../data/batches';
import { planData } from '../data/dataPlan';
import { createRng, shuffleInPlace } from '../data/random';
import { decodeImage, firstLayerTiles, forwardOne, predictTestSet } from './inspectOps';
import { describeError, describeRefusal } from './errors';
import { problem, ProblemError, type Problem } from '../shared/problem';

export interface InspectContext {
  post(msg: FromWorker, transfer?: Transferable[]): void;
  dataset(): Dataset | null;
  /** True while a run is training or paused. */
  training(): boolean;
}

interface Held {
  model: TrainableModel;
  stats: ChannelStats;
  origin: ModelOrigin;
  /** The run's settings (null for a loaded or untrained model). */
  settings: RunSettings | null;
  provenance: string | Problem;
}

/** Used when no data is loaded yet: the CIFAR-10 training set's well-known channel statistics. */
const CIFAR_STATS: ChannelStats = { mean: [0.4914, 0.4822, 0.4465], std: [0.247, 0.2435, 0.2616] };

/** Test-set insight looks at most this many test images (a seeded subset of the run's test set). */
const INSIGHT_CAP = 2000;
const INSIGHT_CAP_PAPER = 500;

let ctx: InspectContext;
let live: Held | null = null;
let scratch: (Held & { key: string }) | null = null;
let datasetStats: { dataset: Dataset; stats: ChannelStats } | null = null;

export function initInspect(context: InspectContext): void {
  ctx = context;
}

function changed(): void {
  if (live) ctx.post({ type: 'model-changed', origin: { ...live.origin } });
}

function replaceLive(next: Held | null): void {
  if (live && live.model !== next?.model) live.model.dispose();
  live = next;
  // The untrained stand-in is not needed beside a real model (the paper preset's is 233 MB).
  scratch?.model.dispose();
  scratch = null;
}

/** A run created its model: it becomes the live one (the previous one is disposed). */
export function adoptRun(model: TrainableModel, stats: ChannelStats, settings: RunSettings): void {
  const origin: ModelOrigin = { source: 'training', config: settings.config, seed: settings.seed, epochs: 0 };
  replaceLive({ model, stats, origin, settings, provenance: ctx.dataset()?.source.description ?? '' });
  changed();
}

export function epochDone(epoch: number): void {
  if (!live || live.origin.source !== 'training') return;
  live.origin.epochs = epoch;
  changed();
}

/** The run ended (done, stopped or failed): its model stays for inspection and saving. */
export function runEnded(): void {
  if (!live || live.origin.source !== 'training') return;
  live.origin.source = 'trained';
  changed();
}

const sameConfig = (a: ModelConfig, b: ModelConfig) =>
  (Object.keys(a) as (keyof ModelConfig)[]).every((k) => a[k] === b[k]);

/**
 * The held model to continue training with `config`: a loaded or finished one of the same
 * architecture; null when there is none.
 */
export function modelToContinue(config: ModelConfig): { model: TrainableModel; stats: ChannelStats } | null {
  if (!live || live.origin.source === 'training' || !sameConfig(live.origin.config, config)) return null;
  return { model: live.model, stats: live.stats };
}

function untrainedStats(): ChannelStats {
  const data = ctx.dataset();
  if (!data) return CIFAR_STATS;
  if (datasetStats?.dataset !== data) {
    const all = Uint32Array.from({ length: data.train.count }, (_, i) => i);
    datasetStats = { dataset: data, stats: channelStats(data.train, all) };
  }
  return datasetStats.stats;
}

/**
 * The model to inspect: the live one while training or when its config is the page's; otherwise
 * an untrained one for the page's config and seed (kept until they change).
 */
function pick(config: ModelConfig, seed: number): Held {
  if (live && (ctx.training() || sameConfig(live.origin.config, config))) return live;
  const key = `${JSON.stringify(config)}/${seed}`;
  if (scratch?.key !== key) {
    scratch?.model.dispose();
    scratch = null;
    const model = createModel(buildSpec(config), seed);
    const origin: ModelOrigin = { source: 'untrained', config, seed, epochs: 0 };
    scratch = { key, model, stats: untrainedStats(), origin, settings: null, provenance: 'not trained' };
  }
  return scratch;
}

async function readFiles(files: File[]): Promise<{ json: string; weights: ArrayBuffer; name: string }> {
  const jsonFile = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  const binFile = files.find((f) => f.name.toLowerCase().endsWith('.bin'));
  if (!jsonFile || !binFile) throw new ProblemError(problem('model.pickBoth'));
  if (jsonFile.size > 5_000_000) throw new ProblemError(problem('model.jsonTooLarge'));
  return { json: await jsonFile.text(), weights: await binFile.arrayBuffer(), name: jsonFile.name };
}

export async function handleInspect(msg: InspectToWorker): Promise<void> {
  const what =
    msg.type === 'inspect'
      ? 'inspect'
      : msg.type === 'filters'
        ? 'filters'
        : msg.type === 'test-insight'
          ? 'insight'
          : msg.type === 'save-model'
            ? 'save'
            : 'load';
  try {
    switch (msg.type) {
      case 'inspect': {
        const t0 = performance.now();
        const data = ctx.dataset();
        let input: Uint8Array;
        let trueLabel: number | null = null;
        if (msg.subject.kind === 'file') {
          input = await decodeImage(msg.subject.file);
        } else {
          const i = msg.subject.index;
          if (!data || i < 0 || i >= data.test.count) throw new ProblemError(problem('inspect.noTestImage'));
          input = data.test.images.slice(i * 3072, (i + 1) * 3072);
          trueLabel = data.test.labels[i];
        }
        const held = pick(msg.config, msg.seed);
        const origin = { ...held.origin };
        const r = await forwardOne(held.model, input, held.stats);
        const result = { id: msg.id, model: origin, input, trueLabel, ...r, ms: performance.now() - t0 };
        const transfer = r.layers.map((l) => l.values.buffer as ArrayBuffer);
        ctx.post({ type: 'inspection', result }, transfer);
        break;
      }
      case 'filters': {
        const held = pick(msg.config, msg.seed);
        const origin = { ...held.origin };
        const tiles = await firstLayerTiles(held.model);
        ctx.post({ type: 'filter-tiles', result: { id: msg.id, model: origin, ...tiles } }, [
          tiles.pixels.buffer,
        ]);
        break;
      }
      case 'test-insight': {
        const data = ctx.dataset();
        if (!data) throw new ProblemError(problem('data.notReady'));
        const held = pick(msg.config, msg.seed);
        const origin = { ...held.origin };
        const settings = held.settings;
        const seed = settings?.seed ?? msg.seed;
        const plan = planData(data, settings?.data ?? msg.data, seed);
        const paper = held.model.spec.preset === 'paper';
        // On a CPU the paper preset takes ~0.1 s an image: a seeded subset keeps this to a minute.
        const cap = paper ? INSIGHT_CAP_PAPER : INSIGHT_CAP;
        let indices = plan.test;
        if (indices.length > cap) {
          indices = Uint32Array.from(indices);
          shuffleInPlace(indices, createRng(seed + 4));
          indices = indices.slice(0, cap);
        }
        const r = await predictTestSet(held.model, data.test, indices, held.stats, paper ? 16 : 250);
        const transfer = [r.indices.buffer, r.labels.buffer, r.preds.buffer, r.probs.buffer, r.pixels.buffer];
        ctx.post({ type: 'test-insight-result', result: { id: msg.id, model: origin, ...r } }, transfer);
        break;
      }
      case 'save-model': {
        const held = pick(msg.config, msg.seed);
        const base = `alexnet-${held.origin.config.preset}-seed${held.origin.seed}`;
        const weightsName = `${base}.weights.bin`;
        const { json, weights } = await saveModel(
          held.model,
          {
            config: held.origin.config,
            seed: held.origin.seed,
            stats: held.stats,
            trained: held.origin.source !== 'untrained',
            epochs: held.origin.epochs,
            provenance: held.provenance,
            savedAt: new Date().toISOString(),
          },
          weightsName,
        );
        ctx.post({ type: 'model-saved', json, weights, jsonName: `${base}.json`, weightsName }, [weights]);
        break;
      }
      case 'load-model': {
        if (ctx.training()) throw new ProblemError(problem('model.busyTraining'));
        const files = await readFiles(msg.files);
        const { model, meta } = loadModel(files.json, files.weights);
        const origin: ModelOrigin = {
          source: 'loaded',
          config: meta.config,
          seed: meta.seed,
          epochs: meta.epochs,
        };
        replaceLive({ model, stats: meta.stats, origin, settings: null, provenance: meta.provenance });
        ctx.post({ type: 'model-loaded', origin: { ...origin }, name: files.name });
        changed();
        break;
      }
    }
  } catch (err) {
    // A refused file (a model, a picture) is worded by us; other failures keep their detail.
    const refused =
      msg.type === 'load-model'
        ? describeRefusal(err, problem('model.unreadable'))
        : msg.type === 'inspect' && msg.subject.kind === 'file'
          ? describeRefusal(err, problem('image.unreadable'))
          : describeError(err);
    ctx.post({ type: 'inspect-error', what, problem: refused });
  }
}
