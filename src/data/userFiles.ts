// Loading CIFAR-10 files the user picked: any mix of official binary batches (data_batch_N.bin,
// test_batch.bin) and the official archive cifar-10-binary.tar.gz (or .tgz / .tar).
//
// Rule: if any data_batch files are loaded, the training set becomes exactly those batches (each
// tagged with its N); otherwise the current training set stays. test_batch.bin replaces the test
// set; otherwise the current one stays. Everything is checked before anything is built; on any
// problem a DataError is thrown and the caller keeps its dataset.

import type { DataSource, Dataset, ImageSet, TrainSet } from '../shared/dataset';
import { IMAGE_BYTES } from '../shared/types';
import { problem, type Problem } from '../shared/problem';
import { DataError, formatCount } from './errors';
import {
  type BatchId,
  badName,
  batchFileName,
  batchIdOf,
  checkBatchSize,
  parseBatch,
  sniffFormat,
} from './officialBinary';
import { readTar, tarFiles, TarFormatError } from './tar';

/** The official archive is 170 MB; refuse anything far larger before reading it. */
export const MAX_ARCHIVE_BYTES = 400 * 1024 * 1024;

/** Where each part of a dataset came from (a phrase), and whether it is the user's own files. */
interface Origin {
  train: { text: Problem; user: boolean };
  test: { text: Problem; user: boolean };
}
const origins = new WeakMap<Dataset, Origin>();

const EMBEDDED_TEXT = problem('data.origin.builtin');

function originOf(current: Dataset): Origin {
  const known = origins.get(current);
  if (known) return known;
  if (current.source.kind === 'embedded') {
    return { train: { text: EMBEDDED_TEXT, user: false }, test: { text: EMBEDDED_TEXT, user: false } };
  }
  const user = current.source.kind === 'official-binary';
  const text = problem(user ? 'data.origin.officialBefore' : 'data.origin.before');
  return { train: { text, user }, test: { text, user } };
}

interface LoadedBatch {
  id: BatchId;
  /** For messages: the file, or "archive.tar.gz: path/inside". */
  where: string;
  set: ImageSet;
}

const ARCHIVE_RE = /\.(tar\.gz|tgz|tar)$/i;

async function gunzip(file: Blob, name: string): Promise<Uint8Array> {
  try {
    const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new DataError(problem('data.archive.notGzip', { name }));
  }
}

async function readArchive(file: File): Promise<LoadedBatch[]> {
  if (file.size === 0) throw new DataError(problem('data.archive.empty', { name: file.name }));
  if (file.size > MAX_ARCHIVE_BYTES) {
    throw new DataError(problem('data.archive.tooLarge', { name: file.name, size: formatCount(file.size) }));
  }
  const isGzip = !/\.tar$/i.test(file.name);
  const tarBytes = isGzip ? await gunzip(file, file.name) : new Uint8Array(await file.arrayBuffer());
  let entries;
  try {
    entries = tarFiles(readTar(tarBytes));
  } catch (e) {
    const what = e instanceof TarFormatError ? sniffFormat(tarBytes) : null;
    throw new DataError(
      problem(isGzip ? 'data.archive.gzipNotTar' : 'data.archive.notTar', {
        name: file.name,
        itIs: what ? problem('data.archive.itIs', { what }) : '',
      }),
    );
  }
  const batches: LoadedBatch[] = [];
  for (const entry of entries) {
    const id = batchIdOf(entry.name);
    if (!id) continue; // batches.meta.txt, readme.html, …
    const where = `${file.name}: ${entry.name}`;
    batches.push({ id, where, set: parseBatch(where, entry.data) });
  }
  if (batches.length === 0) {
    const names = entries.map((e) => e.name.split('/').pop() ?? e.name);
    const python = names.some((n) => /^data_batch_[1-5]$/.test(n) || n === 'test_batch');
    const listed = names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : '');
    const holds = names.length
      ? problem('data.archive.holds', { list: listed })
      : problem('data.archive.holdsNothing');
    throw new DataError(
      problem(python ? 'data.archive.noBatchPython' : 'data.archive.noBatch', { name: file.name, holds }),
    );
  }
  return batches;
}

async function readBatchFile(file: File): Promise<LoadedBatch> {
  checkBatchSize(file.name, file.size);
  const set = parseBatch(file.name, new Uint8Array(await file.arrayBuffer()));
  const id = batchIdOf(file.name);
  if (!id) throw new DataError(badName(file.name));
  return { id, where: file.name, set };
}

async function readOther(file: File): Promise<never> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const what = file.size === 0 ? problem('format.empty') : sniffFormat(head);
  throw new DataError(
    what
      ? problem('data.file.notCifarKnown', { name: file.name, what })
      : problem('data.file.notCifar', { name: file.name }),
  );
}

function concat(batches: LoadedBatch[]): TrainSet {
  const count = batches.reduce((s, b) => s + b.set.count, 0);
  const images = new Uint8Array(count * IMAGE_BYTES);
  const labels = new Uint8Array(count);
  const batchOf = new Uint8Array(count);
  let at = 0;
  for (const b of batches) {
    images.set(b.set.images, at * IMAGE_BYTES);
    labels.set(b.set.labels, at);
    batchOf.fill(b.id.split === 'train' ? b.id.batch : 0, at, at + b.set.count);
    at += b.set.count;
  }
  return { count, images, labels, batchOf };
}

/** "1 image" / "1,000 images" as a phrase. */
function images(n: number): Problem {
  return problem(n === 1 ? 'data.origin.oneImage' : 'data.origin.images', { n: formatCount(n) });
}

/**
 * Loads the user's files and returns the new dataset (see the rule at the top of this file).
 * Throws DataError, with a message for the user, if anything is wrong; `current` is never changed.
 */
export async function loadUserFiles(files: File[], current: Dataset | null): Promise<Dataset> {
  if (files.length === 0) throw new DataError(problem('data.noFiles'));
  const loaded: LoadedBatch[] = [];
  for (const file of files) {
    if (ARCHIVE_RE.test(file.name)) loaded.push(...(await readArchive(file)));
    else if (/\.bin$/i.test(file.name)) loaded.push(await readBatchFile(file));
    else await readOther(file);
  }

  const seen = new Map<string, string>();
  for (const b of loaded) {
    const key = batchFileName(b.id);
    const before = seen.get(key);
    if (before)
      throw new DataError(problem('data.batchTwice', { batch: key, first: before, second: b.where }));
    seen.set(key, b.where);
  }

  const trainBatches = loaded
    .filter((b) => b.id.split === 'train')
    .sort((a, b) => (a.id.split === 'train' && b.id.split === 'train' ? a.id.batch - b.id.batch : 0));
  const testBatch = loaded.find((b) => b.id.split === 'test');
  const before = current ? originOf(current) : null;

  if (trainBatches.length === 0 && !current) {
    throw new DataError(problem('data.noTrain'));
  }
  if (!testBatch && !current) {
    throw new DataError(problem('data.noTest'));
  }

  const fileList = (bs: LoadedBatch[]) => bs.map((b) => b.where).join(', ');
  let train: TrainSet;
  let trainOrigin: Origin['train'];
  if (trainBatches.length > 0) {
    train = concat(trainBatches);
    const numbers = trainBatches.map((b) => (b.id.split === 'train' ? b.id.batch : 0)).join(', ');
    trainOrigin = {
      text: problem(trainBatches.length > 1 ? 'data.origin.yourBatches' : 'data.origin.yourBatch', {
        files: fileList(trainBatches),
        images: images(train.count),
        numbers,
      }),
      user: true,
    };
  } else {
    train = (current as Dataset).train;
    trainOrigin = (before as Origin).train;
  }

  let test: ImageSet;
  let testOrigin: Origin['test'];
  if (testBatch) {
    test = testBatch.set;
    testOrigin = {
      text: problem('data.origin.yourTest', { file: testBatch.where, images: images(test.count) }),
      user: true,
    };
  } else {
    test = (current as Dataset).test;
    testOrigin = (before as Origin).test;
  }

  const allUser = trainOrigin.user && testOrigin.user;
  const source: DataSource = allUser
    ? {
        kind: 'official-binary',
        description: problem('data.source.official', { train: trainOrigin.text, test: testOrigin.text }),
      }
    : {
        kind: 'mixed',
        description: problem('data.source.mixed', { train: trainOrigin.text, test: testOrigin.text }),
      };
  const dataset: Dataset = { source, train, test };
  origins.set(dataset, { train: trainOrigin, test: testOrigin });
  return dataset;
}
