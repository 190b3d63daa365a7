// The embedded CIFAR-10 (public/data) read from disk in Node, for the headless trainer.
// The browser decodes the mosaics per tile from raw Y/Cb/Cr planes; jpeg-js decodes each mosaic
// whole, so a tile's outermost pixels may take a few levels of chroma from their neighbours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import type { Dataset } from '../src/shared/dataset';
import { IMAGE_BYTES } from '../src/shared/types';
import { cutMosaic, type EmbeddedManifest } from '../src/data/embedded';
import { problem } from '../src/shared/problem';

export function loadEmbeddedFromDisk(dir: string): Dataset {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as EmbeddedManifest;
  const labelBytes = readFileSync(join(dir, manifest.labels.file));
  const trainParts = manifest.parts.filter((p) => p.split === 'train');
  const testParts = manifest.parts.filter((p) => p.split === 'test');
  const trainCount = trainParts.reduce((n, p) => n + p.count, 0);
  const testCount = testParts.reduce((n, p) => n + p.count, 0);
  const train = {
    count: trainCount,
    images: new Uint8Array(trainCount * IMAGE_BYTES),
    labels: new Uint8Array(trainCount),
    batchOf: new Uint8Array(trainCount),
  };
  const test = {
    count: testCount,
    images: new Uint8Array(testCount * IMAGE_BYTES),
    labels: new Uint8Array(testCount),
  };
  let trainAt = 0;
  let testAt = 0;
  for (const part of manifest.parts) {
    const decoded = jpeg.decode(readFileSync(join(dir, part.file)), {
      useTArray: true,
      formatAsRGBA: true,
      maxMemoryUsageInMB: 2048,
      maxResolutionInMP: 200,
    });
    const target = part.split === 'train' ? train : test;
    const first = part.split === 'train' ? trainAt : testAt;
    cutMosaic(decoded.data, decoded.width, part.cols, part.count, target.images, first);
    target.labels.set(labelBytes.subarray(part.labelOffset, part.labelOffset + part.count), first);
    if (part.split === 'train') {
      train.batchOf.fill(part.batch ?? 1, first, first + part.count);
      trainAt += part.count;
    } else testAt += part.count;
  }
  return {
    source: {
      kind: 'embedded',
      description: problem('data.source.builtin', { provenance: manifest.provenance, seed: manifest.seed }),
    },
    train,
    test,
  };
}
