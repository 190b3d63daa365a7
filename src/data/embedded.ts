// Loads the CIFAR-10 that ships with the app (public/data/, built by
// scripts/build-cifar.mjs): six 3200×3200 "mosaic" JPEGs of 100×100 tiles (training batches 1…5
// and the test set, 10,000 images each) and one small labels file. Runs in a dedicated Worker:
// decoding six large JPEGs takes a fraction of the time of 60,000 small ones.
//
// Pixels: the mosaics hold exactly the quantised DCT coefficients of the source JPEGs, but the
// decoder's chroma upsampling reads one chroma sample across each tile border, so the outermost
// ring of pixels of each image can differ slightly from decoding that image's JPEG alone; see
// src/data/README.md for the measured difference.

import type { Dataset, ImageSet, TrainSet } from '../shared/dataset';
import { IMAGE_BYTES, IMAGE_SIZE } from '../shared/types';
import { DataError } from './errors';
import { problem, type Problem } from '../shared/problem';
import { tilesFromYcc420 } from './ycc';

export interface EmbeddedPart {
  file: string;
  split: 'train' | 'test';
  /** 1…5 for training batches, null for the test set. */
  batch: number | null;
  count: number;
  /** Where this part's labels start in labels.bin. */
  labelOffset: number;
  cols: number;
  rows: number;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export interface EmbeddedManifest {
  format: 'alexnet-lab/cifar10-mosaic';
  version: 1;
  provenance: string;
  source: { archive: string; bytes: number; sha256: string; layout: string };
  classes: string[];
  seed: number;
  split: string;
  labels: { file: string; bytes: number; sha256: string; layout: string };
  parts: EmbeddedPart[];
  counts: { train: number; test: number };
}

/** `what` just finished, as a phrase (problem.data.progress.*). */
export type ProgressFn = (loaded: number, total: number, what: Problem) => void;

/**
 * How mosaics are decoded. 'image-decoder' (WebCodecs) yields the raw Y/Cb/Cr planes, which are
 * upsampled tile by tile (src/data/ycc.ts): no colour bleeds between tiles. 'bitmap'
 * (createImageBitmap + OffscreenCanvas) gives RGB for the whole mosaic, so the outermost pixels of
 * each tile take a little chroma from their neighbours. 'auto': image-decoder where the browser
 * has it and gives planar 4:2:0, else bitmap.
 */
export type MosaicDecoder = 'auto' | 'image-decoder' | 'bitmap';

export interface LoadOptions {
  decoder?: MosaicDecoder;
}

async function fetchOk(url: string, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new DataError(problem('data.builtin.fetchFailed', { file: what, detail: (e as Error).message }));
  }
  if (!response.ok) {
    throw new DataError(problem('data.builtin.fetchHttp', { file: what, status: response.status, url }));
  }
  return response;
}

function checkManifest(m: EmbeddedManifest): void {
  if (m?.format !== 'alexnet-lab/cifar10-mosaic' || m.version !== 1 || !Array.isArray(m.parts)) {
    throw new DataError(problem('data.builtin.manifestFormat'));
  }
  for (const p of m.parts) {
    if (p.count > p.cols * p.rows || p.width !== p.cols * IMAGE_SIZE || p.height !== p.rows * IMAGE_SIZE) {
      throw new DataError(problem('data.builtin.manifestPart', { file: p.file }));
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Copies the tiles of a decoded mosaic (RGBA, `width` pixels per row) into NHWC RGB images,
 * tile k (column k % cols, row ⌊k / cols⌋) to image `first + k` of `out`.
 */
export function cutMosaic(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  cols: number,
  count: number,
  out: Uint8Array,
  first: number,
): void {
  const rows = Math.ceil(count / cols);
  if (LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 && out.byteOffset % 4 === 0) {
    // Four RGBA pixels (four 32-bit reads) become twelve RGB bytes (three 32-bit writes); an
    // image row is 96 bytes, so every row of every image starts on a 4-byte boundary.
    const src = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
    const dst = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
    for (let y = 0; y < rows * IMAGE_SIZE; y++) {
      const tileRow = y >> 5;
      const rowWords = (y & 31) * 24;
      for (let tx = 0; tx < cols; tx++) {
        const k = tileRow * cols + tx;
        if (k >= count) break;
        let d = (first + k) * (IMAGE_BYTES / 4) + rowWords;
        let s = y * width + tx * IMAGE_SIZE;
        for (let x = 0; x < IMAGE_SIZE; x += 4, s += 4, d += 3) {
          const p0 = src[s];
          const p1 = src[s + 1];
          const p2 = src[s + 2];
          const p3 = src[s + 3];
          dst[d] = (p0 & 0xffffff) | (p1 << 24);
          dst[d + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
          dst[d + 2] = ((p2 >>> 16) & 0xff) | (p3 << 8);
        }
      }
    }
    return;
  }
  const rowBytes = IMAGE_SIZE * 3;
  for (let y = 0; y < rows * IMAGE_SIZE; y++) {
    const tileRow = y >> 5;
    const inY = y & 31;
    for (let tx = 0; tx < cols; tx++) {
      const k = tileRow * cols + tx;
      if (k >= count) break;
      let d = (first + k) * IMAGE_BYTES + inY * rowBytes;
      let s = (y * width + tx * IMAGE_SIZE) * 4;
      for (let x = 0; x < IMAGE_SIZE; x++, s += 4) {
        out[d++] = rgba[s];
        out[d++] = rgba[s + 1];
        out[d++] = rgba[s + 2];
      }
    }
  }
}

/**
 * Fetches and decodes the embedded CIFAR-10. `baseUrl` is the folder that holds manifest.json
 * (e.g. `${import.meta.env.BASE_URL}data/`). `onProgress` is told the number of images
 * ready so far, the total, and what just finished (a Problem the UI words).
 */
export async function loadEmbedded(
  baseUrl: string,
  onProgress?: ProgressFn,
  options: LoadOptions = {},
): Promise<Dataset> {
  const mode = options.decoder ?? 'auto';
  const haveImageDecoder = typeof ImageDecoder !== 'undefined';
  if (mode === 'image-decoder' && !haveImageDecoder) {
    throw new DataError(problem('data.builtin.noImageDecoder'));
  }
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const manifest = (await (
    await fetchOk(`${base}manifest.json`, 'manifest.json')
  ).json()) as EmbeddedManifest;
  checkManifest(manifest);
  const total = manifest.counts.train + manifest.counts.test;
  onProgress?.(0, total, problem('data.progress.manifest'));

  const labelsPromise = fetchOk(`${base}${manifest.labels.file}`, manifest.labels.file).then((r) =>
    r.arrayBuffer(),
  );
  const trainImages = new Uint8Array(manifest.counts.train * IMAGE_BYTES);
  const testImages = new Uint8Array(manifest.counts.test * IMAGE_BYTES);
  const trainParts = manifest.parts.filter((p) => p.split === 'train');
  const firstOf = new Map<EmbeddedPart, number>();
  let nextTrain = 0;
  for (const p of trainParts) {
    firstOf.set(p, nextTrain);
    nextTrain += p.count;
  }
  let nextTest = 0;
  for (const p of manifest.parts.filter((q) => q.split === 'test')) {
    firstOf.set(p, nextTest);
    nextTest += p.count;
  }
  if (nextTrain !== manifest.counts.train || nextTest !== manifest.counts.test) {
    throw new DataError(problem('data.builtin.manifestCounts'));
  }

  // One canvas for all parts: each part's draw + read + cut runs synchronously, so they never interleave.
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let loaded = 0;

  /** Decodes with WebCodecs into `out`; false if the browser did not give planar 4:2:0. */
  const decodePlanar = async (bytes: ArrayBuffer, part: EmbeddedPart, out: Uint8Array): Promise<boolean> => {
    const decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', colorSpaceConversion: 'none' });
    try {
      const { image } = await decoder.decode({ frameIndex: 0 });
      try {
        if (
          image.format !== 'I420' ||
          image.displayWidth !== part.width ||
          image.displayHeight !== part.height
        ) {
          if (mode === 'image-decoder') {
            throw new DataError(
              problem('data.builtin.notI420', { file: part.file, format: String(image.format) }),
            );
          }
          return false;
        }
        const buffer = new Uint8Array(image.allocationSize());
        const [y, cb, cr] = await image.copyTo(buffer);
        tilesFromYcc420(
          { data: buffer.subarray(y.offset), stride: y.stride },
          { data: buffer.subarray(cb.offset), stride: cb.stride },
          { data: buffer.subarray(cr.offset), stride: cr.stride },
          part.cols,
          part.count,
          out,
          firstOf.get(part) as number,
        );
        return true;
      } finally {
        image.close();
      }
    } finally {
      decoder.close();
    }
  };

  const decodeBitmap = async (blob: Blob, part: EmbeddedPart, out: Uint8Array): Promise<void> => {
    const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    if (bitmap.width !== part.width || bitmap.height !== part.height) {
      bitmap.close();
      throw new DataError(
        problem('data.builtin.wrongSize', {
          file: part.file,
          width: bitmap.width,
          height: bitmap.height,
          wantWidth: part.width,
          wantHeight: part.height,
        }),
      );
    }
    if (!canvas || canvas.width !== part.width || canvas.height !== part.height) {
      canvas = new OffscreenCanvas(part.width, part.height);
      context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new DataError(problem('data.builtin.noCanvas'));
    }
    const ctx = context as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const pixels = ctx.getImageData(0, 0, part.width, part.height).data;
    cutMosaic(pixels, part.width, part.cols, part.count, out, firstOf.get(part) as number);
  };

  const decodePart = async (part: EmbeddedPart): Promise<void> => {
    const response = await fetchOk(`${base}${part.file}`, part.file);
    const out = part.split === 'train' ? trainImages : testImages;
    try {
      if (mode !== 'bitmap' && haveImageDecoder) {
        const bytes = await response.arrayBuffer();
        if (!(await decodePlanar(bytes, part, out)))
          await decodeBitmap(new Blob([bytes], { type: 'image/jpeg' }), part, out);
      } else {
        await decodeBitmap(await response.blob(), part, out);
      }
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw new DataError(
        problem('data.builtin.decodeFailed', { file: part.file, detail: (e as Error).message }),
      );
    }
    loaded += part.count;
    onProgress?.(loaded, total, problem('data.progress.decoded', { file: part.file }));
  };

  const [labelBytes] = await Promise.all([labelsPromise, ...manifest.parts.map(decodePart)]);
  const allLabels = new Uint8Array(labelBytes, 0, total);
  const trainLabels = new Uint8Array(manifest.counts.train);
  const testLabels = new Uint8Array(manifest.counts.test);
  const batchOf = new Uint8Array(manifest.counts.train);
  for (const part of manifest.parts) {
    const first = firstOf.get(part) as number;
    const labels = allLabels.subarray(part.labelOffset, part.labelOffset + part.count);
    if (part.split === 'train') {
      trainLabels.set(labels, first);
      batchOf.fill(part.batch ?? 1, first, first + part.count);
    } else testLabels.set(labels, first);
  }
  for (const l of allLabels) {
    if (l > 9) throw new DataError(problem('data.builtin.labels'));
  }

  const train: TrainSet = { count: manifest.counts.train, images: trainImages, labels: trainLabels, batchOf };
  const test: ImageSet = { count: manifest.counts.test, images: testImages, labels: testLabels };
  return {
    source: {
      kind: 'embedded',
      description: problem('data.source.builtin', { provenance: manifest.provenance, seed: manifest.seed }),
    },
    train,
    test,
  };
}
