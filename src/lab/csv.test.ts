import { describe, expect, it } from 'vitest';
import {
  COMPARE_CSV_HEADER,
  comparisonToCsv,
  comparisonToJson,
  csvField,
  parseCsv,
  runToCsv,
  toCsv,
} from './csv';
import { fakeRun } from './testData.testing';
import { scorecard } from './scorecard';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and parses back to the same cells', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(NaN)).toBe('');
    const rows = [
      ['name', 'value'],
      ['tanh, seed 2', '0.5'],
      ['line\nbreak', '"q"'],
      ['', 'x'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('escapes text a spreadsheet would run as a formula, and reads it back unchanged', () => {
    for (const name of [
      '=1+1',
      '+cmd|calc',
      '-2+3',
      '\u22122+3',
      '@SUM(A1:A2)',
      '\tx',
      '\rx',
      '=HYPERLINK("http://x")',
    ]) {
      // The cell as a spreadsheet reads it (RFC 4180 quotes off) starts with the text quote.
      expect(csvField(name).replace(/^"/, '')).toMatch(/^'/);
      expect(parseCsv(csvField(name))).toEqual([[name]]);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('\u22122')).toBe("'\u22122");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    // Numbers are numbers, not formulas; plain text and inner signs are left alone.
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField("it's")).toBe("it's");
    const rows = [
      ['=1+1', '@x', '-1', '\u2212x', '\tx', '\rx'],
      ["'=quoted already", "''+two", "'plain", '=HYPERLINK("http://x","y")'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('starts the file with a UTF-8 BOM, which the parser skips', () => {
    const text = toCsv([['名称', 'x']]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    expect(parseCsv(text)).toEqual([['名称', 'x']]);
  });

  it('a run exports one row per step, with evaluations on their steps', () => {
    const run = fakeRun('r1', {}, 1, { top1: [0.6, 0.5] });
    const rows = parseCsv(runToCsv(run));
    expect(rows).toHaveLength(1 + 200);
    expect(rows[0][0]).toBe('step');
    expect(rows[100]).toEqual([
      '100',
      '1',
      '100',
      String(run.steps.loss[99]),
      String(run.steps.batchAcc[99]),
      '20',
      'epoch',
      '0.45',
      '0.4',
      '0.6',
      '0.15',
    ]);
    expect(rows[50][6]).toBe('');
  });

  it('a comparison exports one row per run with its summary and the difference from the baseline', () => {
    const runs = [
      fakeRun('b', {}, 1, { top1: [0.4] }),
      { ...fakeRun('t', { activation: 'tanh' }, 1, { top1: [0.5] }), name: 'tanh, "slow"' },
    ];
    const rows = parseCsv(comparisonToCsv(runs, 0.75, 0.4));
    expect(rows[0]).toEqual(COMPARE_CSV_HEADER);
    expect(rows).toHaveLength(3);
    const col = (name: string) => COMPARE_CSV_HEADER.indexOf(name);
    expect(rows[2][col('name')]).toBe('tanh, "slow"');
    expect(rows[2][col('activation')]).toBe('tanh');
    expect(Number(rows[2][col('top1_minus_baseline')])).toBeCloseTo(0.1);
    expect(Number(rows[1][col('final_top1_error')])).toBe(0.4);
    // Runs from before the width and preprocessing settings: the defaults; quick mode's images.
    expect([rows[1][col('width')], rows[1][col('preprocess')], rows[1][col('train_images')]]).toEqual([
      '1',
      'channel',
      '1000',
    ]);
    const narrow = fakeRun('w', {}, 1, { top1: [0.4] });
    narrow.settings = {
      ...narrow.settings,
      config: { ...narrow.settings.config, width: '1/4' },
      data: { ...narrow.settings.data, quickTrain: 250, preprocess: 'zca' },
    };
    const w = parseCsv(comparisonToCsv([narrow], 0.75, null))[1];
    expect([w[col('width')], w[col('preprocess')], w[col('train_images')]]).toEqual(['0.25', 'zca', '250']);
  });

  it('the comparison JSON round-trips its summaries and scorecard', () => {
    const runs = [fakeRun('b', {}, 1, { top1: [0.4] }), fakeRun('n', { lrn: false }, 1, { top1: [0.5] })];
    const card = scorecard(runs, runs[0], 0.75);
    const back = JSON.parse(comparisonToJson(runs, 0.75, 'b', card));
    expect(back.format).toBe('alexnet-lab-comparison');
    expect(back.runs.map((r: { id: string }) => r.id)).toEqual(['b', 'n']);
    expect(back.runs[1].finalTop1).toBe(0.5);
    expect(back.scorecard).toEqual(card);
  });
});
