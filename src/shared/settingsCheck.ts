// Checking one setting's value against its row of the settings table, the same way for a link,
// an imported file and the CLI: a refusal is a Problem (code + parameters) with the same code
// whatever the source; only `name` differs (the URL key, the file's path, the CLI flag).

import { problem, type Problem } from './problem';
import type { SettingRow } from './settings';

export type Checked<T = unknown> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = (code: string, params: Record<string, string | number>): Checked<never> => ({
  ok: false,
  problem: problem(code, params),
});

/** A value as shown in a message: short, whatever it was. */
export function shown(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A number within [min, max] (whole when `integer`); the codes every number check uses. */
export function checkNumber(
  v: unknown,
  name: string,
  min: number,
  max: number,
  integer = false,
): Checked<number> {
  if (v === undefined) return no('value.missing', { name });
  if (typeof v !== 'number' || !Number.isFinite(v)) return no('value.notNumber', { name, value: shown(v) });
  if (integer && !Number.isInteger(v)) return no('value.notWhole', { name, value: v });
  if (v < min || v > max)
    return max === Infinity
      ? no('value.tooSmall', { name, value: v, min })
      : no('value.outOfRange', { name, value: v, min, max });
  return ok(v);
}

export function checkBool(v: unknown, name: string): Checked<boolean> {
  if (v === undefined) return no('value.missing', { name });
  return typeof v === 'boolean' ? ok(v) : no('value.notBool', { name, value: shown(v) });
}

export function checkChoice<T extends string>(v: unknown, allowed: readonly T[], name: string): Checked<T> {
  if (v === undefined) return no('value.missing', { name });
  return allowed.includes(v as T)
    ? ok(v as T)
    : no('value.notChoice', { name, value: shown(v), choices: allowed.join(', ') });
}

/** A value as stored in RunSettings (from a file, or after parsing text), checked against its row. */
export function checkSetting(row: SettingRow, v: unknown, name: string): Checked {
  switch (row.type) {
    case 'number':
    case 'int':
      return checkNumber(v, name, row.min, row.max, row.type === 'int');
    case 'bool':
      return checkBool(v, name);
    case 'choice':
      return checkChoice(v, row.choices, name);
    case 'list': {
      if (v === undefined) return no('value.missing', { name });
      if (!Array.isArray(v)) return no('value.notList', { name, value: shown(v) });
      if (v.length === 0) return no('value.emptyList', { name });
      for (const x of v) {
        const c = checkNumber(x, name, row.min, row.max, true);
        if (!c.ok) return c;
      }
      return ok([...new Set(v as number[])].sort((a, b) => a - b));
    }
  }
}

export type TextForm = 'url' | 'cli';

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Text from a link or a command line → the stored value, then checked against the row. */
export function parseSetting(row: SettingRow, raw: string, name: string, form: TextForm): Checked {
  switch (row.type) {
    case 'number':
    case 'int':
      return checkSetting(row, NUMBER_TEXT.test(raw) ? Number(raw) : raw, name);
    case 'bool': {
      const v = raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : raw;
      return checkSetting(row, v, name);
    }
    case 'choice': {
      const i = form === 'url' && row.urlTokens ? row.urlTokens.indexOf(raw) : -1;
      if (i < 0) return checkSetting(row, raw, name);
      return ok(row.choices[i]);
    }
    case 'list': {
      // In a link the batches are digits run together (b=135); on a command line, 1,3,5.
      const parts = form === 'url' ? raw.split('') : raw.split(',');
      const items = parts.map((p) => (NUMBER_TEXT.test(p) ? Number(p) : p));
      return checkSetting(row, raw === '' ? [] : items, name);
    }
  }
}

/** The stored value as text for a link or a command line (parseSetting reads it back). */
export function formatSetting(row: SettingRow, v: unknown, form: TextForm): string {
  switch (row.type) {
    case 'bool':
      return v ? '1' : '0';
    case 'choice': {
      const i = row.choices.indexOf(v as string);
      return form === 'url' && row.urlTokens && i >= 0 ? row.urlTokens[i] : String(v);
    }
    case 'list':
      return (v as number[]).join(form === 'url' ? '' : ',');
    default:
      return String(v);
  }
}
