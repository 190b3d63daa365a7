/// <reference lib="webworker" />
// The Worker side of the inspect views. It keeps the latest model (the run in progress, the last
// run, or a loaded file) with its normalisation, and answers the page's inspect requests between
// training steps. Before any run or load it uses the pretrained model that ships with the app
// (public/pretrained/, fetched from the app's own origin) when the page's config and seed are
// its own; otherwise a freshly initialised one for the page's config and seed, and says so
// ("untrained"). A pretrained model that cannot be fetched or read is noted on the untrained one.

import type { Dataset } from '../shared/dataset';
import type { FromWorker } from '../shared/protocol';
import type { InspectToWorker, ModelOrigin } from '../shared/inspect';
import type { ModelConfig, RunSettings } from '../shared/types';
import { createModel, type TrainableModel } from '../model/build';
import { loadModel, saveModel } from '../model/io';
import {
  checkPretrained,
  parsePretrainedManifest,
  PRETRAINED_MANIFEST,
  pretrainedLabel,
} from '../model/pretrained';
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

/**
 * The shipped pretrained model: where it is fetched from, its loading (started once), the model
 * once loaded, or why it failed. `retired` once a run or a loaded file has replaced it: from then
 * on the page shows that model, and a fresh run's config gets a fresh untrained stand-in.
 */
const pretrained: {
  url: string | null;
  loading: Promise<void> | null;
  held: Held | null;
  problem: Problem | null;
  retired: boolean;
} = { url: null, loading: null, held: null, problem: null, retired: false };

export function initInspect(context: InspectContext): void {
  ctx = context;
}

function changed(): void {
  if (live) ctx.post({ type: 'model-changed', origin: { ...live.origin } });
}

function replaceLive(next: Held | null): void {
  if (live && live.model !== next?.model) live.model.dispose();
  live = next;
  // "Continue training" may have taken the pretrained model itself: that one is live now.
  if (pretrained.held && pretrained.held.model !== next?.model) pretrained.held.model.dispose();
  pretrained.held = null;
  pretrained.retired = true;
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

/** The running (or last) run's model and normalisation, while it is the live one. */
export function runModel(): { model: TrainableModel; stats: ChannelStats } | null {
  return live && (live.origin.source === 'training' || live.origin.source === 'trained') ? live : null;
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
  // Before any run or load: the pretrained model, trained further in place (the run adopts it).
  const held = live ?? pretrained.held;
  if (!held || held.origin.source === 'training' || !sameConfig(held.origin.config, config)) return null;
  return { model: held.model, stats: held.stats };
}

async function fetchOk(url: URL): Promise<Response> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok)
    throw new ProblemError(problem('pretrained.missing', { file: url.pathname, status: res.status }));
  return res;
}

/** Fetches pretrained.json and the model it names, checks that they agree, and holds the model. */
async function loadPretrained(base: string): Promise<void> {
  try {
    const manifest = parsePretrainedManifest(
      await (await fetchOk(new URL(PRETRAINED_MANIFEST, base))).text(),
    );
    const [json, weights] = await Promise.all([
      fetchOk(new URL(manifest.model, base)).then((r) => r.text()),
      fetchOk(new URL(manifest.weights, base)).then((r) => r.arrayBuffer()),
    ]);
    const { model, meta } = loadModel(json, weights);
    try {
      checkPretrained(manifest, meta);
    } catch (err) {
      model.dispose();
      throw err;
    }
    // A run or a loaded file came first: the pretrained model is no longer what the page shows.
    if (pretrained.retired) {
      model.dispose();
      return;
    }
    const origin: ModelOrigin = {
      source: 'pretrained',
      config: meta.config,
      seed: meta.seed,
      epochs: meta.epochs,
      pretrained: pretrainedLabel(manifest),
    };
    pretrained.held = { model, stats: meta.stats, origin, settings: null, provenance: meta.provenance };
    ctx.post({ type: 'model-changed', origin: { ...origin } });
  } catch (err) {
    // Never fatal: the untrained stand-in answers instead, and says why.
    pretrained.problem = describeRefusal(
      err,
      problem('pretrained.missing', { file: PRETRAINED_MANIFEST, status: problem('pretrained.network') }),
    );
  }
}

/** Where the pretrained model lives (a folder URL ending in '/'); its loading starts at once. */
export function offerPretrained(url: string): Promise<void> {
  pretrained.url = url;
  pretrained.loading ??= loadPretrained(url);
  return pretrained.loading;
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
 * The model to inspect: the live one while training or when its config is the page's; before
 * any run or load, the pretrained one when the page's config and seed are its own; otherwise an
 * untrained one for the page's config and seed (kept until they change).
 */
async function pick(config: ModelConfig, seed: number): Promise<Held> {
  if (live && (ctx.training() || sameConfig(live.origin.config, config))) return live;
  if (!live && pretrained.url && !pretrained.retired) {
    await offerPretrained(pretrained.url);
    // Read again after the wait: a run may have started meanwhile (TS narrowed `live` to null).
    const now = live as Held | null;
    if (now && (ctx.training() || sameConfig(now.origin.config, config))) return now;
    const pre = pretrained.held;
    if (pre && sameConfig(pre.origin.config, config) && pre.origin.seed === seed) return pre;
  }
  const key = `${JSON.stringify(config)}/${seed}`;
  if (scratch?.key !== key) {
    scratch?.model.dispose();
    scratch = null;
    const model = createModel(buildSpec(config), seed);
    const origin: ModelOrigin = { source: 'untrained', config, seed, epochs: 0 };
    scratch = { key, model, stats: untrainedStats(), origin, settings: null, provenance: 'not trained' };
  }
  // Said on every untrained answer while the shipped model is missing (not after a run replaced it).
  const why = pretrained.retired ? null : pretrained.problem;
  if (why) scratch.origin.pretrainedProblem = why;
  else delete scratch.origin.pretrainedProblem;
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
        const held = await pick(msg.config, msg.seed);
        const origin = { ...held.origin };
        const r = await forwardOne(held.model, input, held.stats);
        const result = { id: msg.id, model: origin, input, trueLabel, ...r, ms: performance.now() - t0 };
        const transfer = r.layers.map((l) => l.values.buffer as ArrayBuffer);
        ctx.post({ type: 'inspection', result }, transfer);
        break;
      }
      case 'filters': {
        const held = await pick(msg.config, msg.seed);
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
        const held = await pick(msg.config, msg.seed);
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
        const held = await pick(msg.config, msg.seed);
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
