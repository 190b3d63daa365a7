// Checking data from outside (an imported file, a saved run) before it reaches the store. Each
// refusal is a Problem naming the field by its path in the file; the checks throw InvalidInput,
// which callers catch. Settings are checked row by row against the settings table.

import { problem, ProblemError, type Problem } from '../shared/problem';
import type { RunSettings } from '../shared/types';
import { OPTIONAL_PARTS, SETTINGS, DEFAULT_SETTINGS } from '../shared/settings';
import {
  checkBool,
  checkChoice,
  checkNumber,
  checkSetting,
  shown,
  type Checked,
} from '../shared/settingsCheck';

export class InvalidInput extends ProblemError {}

export function fail(p: Problem): never {
  throw new InvalidInput(p);
}

function take<T>(c: Checked<T>): T {
  return c.ok ? c.value : fail(c.problem);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function num(v: unknown, name: string, min = -Infinity, max = Infinity): number {
  return take(checkNumber(v, name, min, max));
}

export function bool(v: unknown, name: string): boolean {
  return take(checkBool(v, name));
}

export function str(v: unknown, name: string, maxLen = 500): string {
  if (typeof v !== 'string' || v.length > maxLen) fail(problem('value.notText', { name, max: maxLen }));
  return v;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], name: string): T {
  return take(checkChoice(v, allowed, name));
}

export function numArray(v: unknown, name: string): number[] {
  // null stands for a value that was not finite (JSON has no NaN); NaN is what it was.
  if (!Array.isArray(v) || !v.every((x) => x === null || typeof x === 'number'))
    fail(problem('value.notList', { name, value: shown(v) }));
  return v.map((x) => (x === null ? NaN : x));
}

/** Checks settings from unknown data; the first refusal is returned, not thrown. */
export function validateSettings(v: unknown, prefix = ''): Checked<RunSettings> {
  try {
    return { ok: true, value: checkSettings(v, prefix) };
  } catch (err) {
    if (err instanceof InvalidInput) return { ok: false, problem: err.problem };
    throw err;
  }
}

/**
 * Rebuilds RunSettings from unknown data, row by row (unknown extra fields are dropped). The
 * optional recipe parts are checked when present and left out when absent. `prefix` goes before
 * each field's path in a Problem's name ('settings.' → 'settings.optimizer.lr').
 */
export function checkSettings(v: unknown, prefix = ''): RunSettings {
  if (!isObject(v)) fail(problem('value.notGroup', { name: prefix.replace(/\.$/, '') || 'settings' }));
  const input = legacyQuickSizes(v);
  const out: Record<string, unknown> = {};
  for (const { row, parts, part, optional } of rows()) {
    if (optional && input[part] === undefined) continue;
    if (parts.length > 1 && !isObject(input[part]))
      fail(problem(input[part] === undefined ? 'value.missing' : 'value.notGroup', { name: prefix + part }));
    let raw: unknown = input;
    for (const k of parts) raw = (raw as Record<string, unknown> | undefined)?.[k];
    // A row added later stays absent (= its default), so older records read back unchanged.
    if (raw === undefined && row.absentIsDefault) continue;
    setPath(out, parts, take(checkSetting(row, raw, prefix + row.path)));
  }
  return out as unknown as RunSettings;
}

/** The settings table's rows with their paths split once: checkSettings runs for every stored run. */
let split: { row: (typeof SETTINGS)[number]; parts: string[]; part: string; optional: boolean }[] | null =
  null;
function rows(): NonNullable<typeof split> {
  split ??= SETTINGS.map((row) => {
    const parts = row.path.split('.');
    return { row, parts, part: parts[0], optional: (OPTIONAL_PARTS as readonly string[]).includes(parts[0]) };
  });
  return split;
}

/**
 * Sets the value at `parts` (['optimizer', 'lr']) in `obj`, which this module built and owns: in
 * place, because copying the object at each of the table's rows made reading 10,000 stored runs
 * take seconds.
 */
function setPath(obj: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!isObject(o[parts[i]])) o[parts[i]] = {};
    o = o[parts[i]] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]] = value;
}

/**
 * The CLI once wrote 0 for the quick-mode sizes of a run that was not in quick mode; those sizes
 * are unused then, so such files read with the defaults instead of being refused.
 */
function legacyQuickSizes(v: Record<string, unknown>): Record<string, unknown> {
  const d = v.data;
  if (!isObject(d) || d.quick !== false || (d.quickTrain !== 0 && d.quickTest !== 0)) return v;
  const { quickTrain, quickTest } = DEFAULT_SETTINGS.data;
  return {
    ...v,
    data: {
      ...d,
      quickTrain: d.quickTrain === 0 ? quickTrain : d.quickTrain,
      quickTest: d.quickTest === 0 ? quickTest : d.quickTest,
    },
  };
}
