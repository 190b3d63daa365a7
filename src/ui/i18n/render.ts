// Filling a message's {placeholders}, without React or the DOM, so that the CLI and stored run
// records can word a Problem in English too (src/ui/i18n/index.ts adds the current language).

import type { Problem } from '../../shared/problem';

/**
 * Replaces {name} placeholders with values; {name:one|other} with the value and the word for its
 * count ("1 epoch", "2 epochs": English needs it, Chinese does not).
 */
export function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text
    .replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, other: string) =>
      k in vars ? `${vars[k]} ${Number(vars[k]) === 1 ? one : other}` : m,
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * A Problem in the words of `dict` (falling back to `fallback`); a Problem among its parameters is
 * worded first. An unknown code is a bug, shown as the code itself rather than as a sentence.
 */
export function wordProblem(
  dict: Readonly<Record<string, string>>,
  p: Problem,
  fallback: Readonly<Record<string, string>> = dict,
): string {
  const key = `problem.${p.code}`;
  const text = dict[key] ?? fallback[key];
  if (text === undefined) return p.code;
  if (!p.params) return text;
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params))
    vars[k] = typeof v === 'object' ? wordProblem(dict, v, fallback) : v;
  return fill(text, vars);
}
