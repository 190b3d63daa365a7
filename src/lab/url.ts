// The shareable setup: every setting of the table (recipe included) and the queue's plan in the
// URL query, so opening a link restores the setup (not the results). Decoding never throws: a bad
// value falls back to the default and is reported as a Problem. Pure: works on URLSearchParams only.

import type { Problem } from '../shared/problem';
import { getPath, SETTINGS, withPath, type AllSettings, type SettingRow } from '../shared/settings';
import { formatSetting, parseSetting } from '../shared/settingsCheck';
import { MAX_SEEDS, type PlanKind } from './plan';

export interface QueueSetup {
  kind: PlanKind;
  seeds: number;
}

export interface UrlState {
  settings: AllSettings;
  queue: QueueSetup | null;
}

/** The queue form's two fields, checked like settings (paths into QueueSetup). */
const QUEUE_ROWS = [
  {
    path: 'kind',
    type: 'choice',
    choices: ['one-at-a-time', 'grid'],
    urlTokens: ['one', 'grid'],
    default: 'one-at-a-time',
    optionLabels: ['labPlanOne', 'labPlanGrid'],
    label: 'labPlan',
    url: 'plan',
    cli: 'plan',
  },
  {
    path: 'seeds',
    type: 'int',
    min: 1,
    max: MAX_SEEDS,
    default: 1,
    label: 'labSeeds',
    url: 'seeds',
    cli: 'seeds',
  },
] as const satisfies readonly SettingRow[];

/** Query parameters this module owns; anything else (e.g. ?backend=) is left alone. */
export const URL_KEYS: readonly string[] = [...SETTINGS, ...QUEUE_ROWS].map((r) => r.url);

export function encodeUrlState(state: UrlState, into = new URLSearchParams()): URLSearchParams {
  for (const row of SETTINGS) {
    const v = getPath(state.settings, row.path);
    // Settings from before a row existed leave it out: the link then opens with its default.
    if (v === undefined && row.absentIsDefault) into.delete(row.url);
    else into.set(row.url, formatSetting(row, v, 'url'));
  }
  for (const row of QUEUE_ROWS)
    if (state.queue) into.set(row.url, formatSetting(row, getPath(state.queue, row.path), 'url'));
    else into.delete(row.url);
  return into;
}

/**
 * Reads the setup from a query. Keys that are absent keep the defaults silently; keys present
 * with a bad value keep the default and are listed in `problems` (their `name` is the URL key).
 */
export function decodeUrlState(
  q: URLSearchParams,
  defaults: AllSettings,
): UrlState & { problems: Problem[]; present: boolean } {
  const problems: Problem[] = [];
  const present = URL_KEYS.some((k) => q.has(k));
  function read<T extends object>(rows: readonly SettingRow[], into: T): T {
    let out = into;
    for (const row of rows) {
      const raw = q.get(row.url);
      if (raw === null) continue;
      const c = parseSetting(row, raw, row.url, 'url');
      if (c.ok) out = withPath(out, row.path, c.value);
      else problems.push(c.problem);
    }
    return out;
  }
  const settings = read(SETTINGS, defaults);
  const queue = q.has('plan') ? read(QUEUE_ROWS, { kind: null as PlanKind | null, seeds: 1 }) : null;
  return {
    settings,
    queue: queue?.kind ? { kind: queue.kind, seeds: queue.seeds } : null,
    problems,
    present,
  };
}
