// CSV and JSON exports of one run and of a comparison. Pure: the page turns the text into a download.

import { widthFactor } from '../shared/settings';
import type { RunRecord } from './record';
import type { ClaimResult } from './scorecard';
import { summarize, type RunSummary, type Summarizable } from './stats';

/**
 * Text a spreadsheet would run as a formula: a first character of = + - − (U+2212) @, tab or CR,
 * after any single quotes (so that escaping, one more quote in front, can be undone exactly).
 */
const FORMULA_LIKE = /^'*[=+\-\u2212@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-\u2212@\t\r]/;

/** Spreadsheets read a UTF-8 file as UTF-8 (names in any language) only when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. Text that
 * looks like a formula (a run named `=HYPERLINK(…)`) gets a leading single quote, which
 * spreadsheets take as "this is text"; numbers are written as they are.
 */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  if (typeof v === 'string' && FORMULA_LIKE.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: BOM first, CRLF after every row. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return UTF8_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The inverse of toCsv (for tests and for reading an export back): BOM and formula quotes removed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(ESCAPED_FORMULA.test(field) ? field.slice(1) : field);
    field = '';
  };
  for (let i = text.startsWith(UTF8_BOM) ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

export const RUN_CSV_HEADER = [
  'step',
  'epoch',
  'seconds',
  'loss',
  'batch_acc',
  'images_per_sec',
  'eval_kind',
  'train_acc',
  'test_acc',
  'top1_error',
  'top5_error',
];

/** One row per step; the evaluation measured after a step fills the last five columns of its row. */
export function runToCsv(rec: RunRecord): string {
  const s = rec.steps;
  const evalAt = new Map<number, RunRecord['evals'][number]>();
  for (const e of rec.evals) if (!evalAt.has(e.step) || e.kind === 'epoch') evalAt.set(e.step, e);
  const rows: (string | number | null)[][] = [RUN_CSV_HEADER];
  for (let i = 0; i < s.step.length; i++) {
    const e = evalAt.get(s.step[i]);
    rows.push([
      s.step[i],
      s.epoch[i],
      s.seconds[i],
      s.loss[i],
      s.batchAcc[i],
      s.imagesPerSec[i],
      e?.kind ?? null,
      e?.trainAcc ?? null,
      e?.testAcc ?? null,
      e?.top1Error ?? null,
      e?.top5Error ?? null,
    ]);
  }
  return toCsv(rows);
}

export const COMPARE_CSV_HEADER = [
  'run_id',
  'name',
  'variant',
  'seed',
  'activation',
  'lrn',
  'dropout',
  'pooling',
  'width',
  'train_images',
  'preprocess',
  'epochs',
  'status',
  'final_top1_error',
  'final_top5_error',
  'best_top1_error',
  'best_top5_error',
  'final_train_acc',
  'final_test_acc',
  'train_test_gap',
  'steps_to_target',
  'epochs_to_target',
  'seconds_to_target',
  'seconds',
  'images_per_sec',
  'top1_minus_baseline',
];

/** One row per run with its summary; `top1_minus_baseline` against the baseline run's mean over its seeds. */
export function comparisonToCsv(runs: Summarizable[], target: number, baselineTop1: number | null): string {
  const rows: (string | number | null)[][] = [COMPARE_CSV_HEADER];
  for (const r of runs) {
    const s = summarize(r, target);
    const c = r.settings.config;
    rows.push([
      r.id,
      r.name,
      r.variant,
      r.settings.seed,
      c.activation,
      c.lrn ? 1 : 0,
      c.dropout ? 1 : 0,
      c.pooling,
      // Lessons (e) and (f) vary these; absent in older runs = the defaults.
      // A number, not "1/4": a spreadsheet would read that as a date.
      widthFactor(c.width),
      r.settings.data.quick ? r.settings.data.quickTrain : null,
      r.settings.data.preprocess ?? 'channel',
      r.settings.epochs,
      r.status,
      s.finalTop1,
      s.finalTop5,
      s.bestTop1,
      s.bestTop5,
      s.finalTrainAcc,
      s.finalTestAcc,
      s.gap,
      s.toTarget?.step ?? null,
      s.toTarget?.epoch ?? null,
      s.toTarget?.seconds ?? null,
      s.seconds,
      s.imagesPerSec,
      s.finalTop1 !== null && baselineTop1 !== null ? s.finalTop1 - baselineTop1 : null,
    ]);
  }
  return toCsv(rows);
}

export interface ComparisonJson {
  format: 'alexnet-lab-comparison';
  version: 1;
  target: number;
  baselineId: string | null;
  runs: (RunSummary & { name: string; variant: string | null; settings: RunRecord['settings'] })[];
  scorecard: ClaimResult[];
}

export function comparisonToJson(
  runs: Summarizable[],
  target: number,
  baselineId: string | null,
  card: ClaimResult[],
): string {
  const out: ComparisonJson = {
    format: 'alexnet-lab-comparison',
    version: 1,
    target,
    baselineId,
    runs: runs.map((r) => ({
      ...summarize(r, target),
      name: r.name,
      variant: r.variant,
      settings: r.settings,
    })),
    scorecard: card,
  };
  return JSON.stringify(out, null, 2);
}

export const runToJson = (rec: RunRecord): string => JSON.stringify(rec);
