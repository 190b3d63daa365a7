// The headless trainer's command line: one flag per row of the settings table (--lr 0.02,
// --batches 1,2, --pooling non-overlapping; booleans --flip / --no-flip), plus --recipe (start
// from the accuracy recipe), --backend, --threads, --out, --name, --save-model, --weights,
// --twin-case (cli/twinCase.ts), and the shorthand
// --quick TRAIN:TEST.
// Pure, so the unit tests call it without training.

import { problem, type Problem } from '../src/shared/problem';
import { DEFAULT_SETTINGS, getPath, SETTINGS, withPath, type AllSettings } from '../src/shared/settings';
import { compactSettings, withRecipe } from '../src/shared/settingsRecipe';
import { formatSetting, parseSetting } from '../src/shared/settingsCheck';
import type { RunSettings } from '../src/shared/types';
import { en } from '../src/ui/i18n/en';

/** Flags that are not settings; each takes a value. */
const OPTIONS = ['backend', 'threads', 'out', 'name', 'save-model', 'weights', 'twin-case'] as const;
export type CliOptions = Partial<Record<(typeof OPTIONS)[number], string>>;

export type CliArgs =
  { ok: true; settings: RunSettings; options: CliOptions } | { ok: false; problems: Problem[] };

/** Parses the arguments after `npm run train --`; every bad flag is reported, none is guessed. */
export function parseTrainArgs(argv: readonly string[]): CliArgs {
  const problems: Problem[] = [];
  const options: CliOptions = {};
  // Headless runs use all the ticked batches unless told --quick.
  const start: AllSettings = { ...DEFAULT_SETTINGS, data: { ...DEFAULT_SETTINGS.data, quick: false } };
  let settings = argv.includes('--recipe') ? withRecipe(start) : start;
  const set = (path: string, value: unknown) => (settings = withPath(settings, path, value));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? splitInline(arg.slice(2)) : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    if (!arg.startsWith('--')) problems.push(problem('cli.unknownFlag', { flag: arg }));
    else if (flag === 'recipe') continue;
    else if ((OPTIONS as readonly string[]).includes(flag)) {
      const v = value();
      if (v === undefined) problems.push(problem('cli.missingValue', { flag: `--${flag}` }));
      else options[flag as (typeof OPTIONS)[number]] = v;
    } else if (flag === 'quick' && /^\d+:\d+$/.test(inline ?? argv[i + 1] ?? '')) {
      const [train, test] = (value() ?? '').split(':');
      set('data.quick', true);
      parseInto('data.quickTrain', train, '--quick');
      parseInto('data.quickTest', test, '--quick');
    } else {
      const negated = flag.startsWith('no-') ? flag.slice(3) : null;
      const row = SETTINGS.find((r) => r.cli === (negated ?? flag));
      if (!row || (negated !== null && (row.type !== 'bool' || inline !== undefined)))
        problems.push(problem('cli.unknownFlag', { flag: `--${flag}` }));
      else if (row.type === 'bool' && inline === undefined) set(row.path, negated === null);
      else {
        const v = value();
        if (v === undefined) problems.push(problem('cli.missingValue', { flag: `--${flag}` }));
        else parseInto(row.path, v, `--${flag}`);
      }
    }
  }
  function parseInto(path: string, raw: string, name: string) {
    const row = SETTINGS.find((r) => r.path === path)!;
    const c = parseSetting(row, raw, name, 'cli');
    if (c.ok) set(path, c.value);
    else problems.push(c.problem);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, settings: compactSettings(settings), options };
}

function splitInline(flag: string): [string, string | undefined] {
  const eq = flag.indexOf('=');
  return eq < 0 ? [flag, undefined] : [flag.slice(0, eq), flag.slice(eq + 1)];
}

/** The flags that reproduce `s` (parseTrainArgs reads them back): every setting, written out. */
export function settingsToArgs(s: AllSettings): string[] {
  return SETTINGS.flatMap((row) => {
    const v = getPath(s, row.path);
    // A setting added later and absent from these settings means its default: no flag needed.
    if (v === undefined && row.absentIsDefault) return [];
    if (row.type === 'bool') return [v ? `--${row.cli}` : `--no-${row.cli}`];
    return [`--${row.cli}`, formatSetting(row, v, 'cli')];
  });
}

/** A Problem as an English line: the CLI has no language switch. */
export function problemText(p: Problem): string {
  const text: string | undefined = (en as Record<string, string>)[`problem.${p.code}`];
  if (text === undefined) return p.code;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => String(p.params?.[k] ?? m));
}
