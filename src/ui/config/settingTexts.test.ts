// The settings table's labels and every Problem code of the setting, link, experiment-file and
// CLI checks have a message in English and in 简体中文.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../shared/settings';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';

const CHECKERS = [
  'src/shared/settingsCheck.ts',
  'src/lab/validate.ts',
  'src/lab/experiment.ts',
  'src/lab/url.ts',
  'src/client/urlState.ts',
  'cli/args.ts',
];

describe('texts of the settings table', () => {
  it('every label and option label is in both languages', () => {
    const keys = SETTINGS.flatMap((r) => [r.label, ...(r.type === 'choice' ? r.optionLabels : [])]);
    for (const k of keys.filter((k): k is string => k !== null)) {
      expect(en, k).toHaveProperty([k]);
      expect(zh, k).toHaveProperty([k]);
    }
  });

  it('every refusal code of the checks has a message in both languages', () => {
    const codes = new Set<string>();
    for (const file of CHECKERS) {
      const text = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
      for (const m of text.matchAll(/\b(?:problem|no|refuse)\('([\w.]+)'/g)) codes.add(m[1]);
    }
    expect(codes.size).toBeGreaterThan(15);
    for (const code of codes) {
      expect(en, code).toHaveProperty([`problem.${code}`]);
      expect(zh, code).toHaveProperty([`problem.${code}`]);
      expect(zh[`problem.${code}` as keyof typeof zh]).not.toBe(en[`problem.${code}` as keyof typeof en]);
    }
  });
});
