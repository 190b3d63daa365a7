import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { fill, wordProblem } from './render';
import { problem } from '../../shared/problem';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('fill', () => {
  it('fills {name} and words a count with {name:one|other}', () => {
    expect(fill('trained, {n:epoch|epochs}', { n: 1 })).toBe('trained, 1 epoch');
    expect(fill('trained, {n:epoch|epochs}', { n: 2 })).toBe('trained, 2 epochs');
    expect(fill('trained, {n:epoch|epochs}', { n: 0 })).toBe('trained, 0 epochs');
    expect(fill('{a} of {b}', { a: 3 })).toBe('3 of {b}');
    expect(fill('{m:x|y} stays', {})).toBe('{m:x|y} stays');
  });
});

describe('wordProblem', () => {
  it('fills parameters, words a Problem given as a parameter first, and falls back to English', () => {
    const p = problem('data.batch.otherFormat', { name: 'a.bin', what: problem('format.png') });
    expect(wordProblem(en, p)).toMatch(/^a\.bin is a PNG image, not a CIFAR-10 binary batch\./);
    expect(wordProblem(zh, p)).toMatch(/^a\.bin 是一张 PNG 图片，不是 CIFAR-10 二进制批次。/);
    expect(wordProblem({}, problem('run.stopped'), en)).toBe('Stopped.');
    expect(wordProblem(en, problem('no.such.code'))).toBe('no.such.code');
  });

  it('has an English and a Chinese message for every code the code base reports', () => {
    const codes = new Set<string>();
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/problem\(\s*'([a-zA-Z0-9.]+)'/g)) codes.add(m[1]);
      for (const m of text.matchAll(/'([a-z]+\.[a-zA-Z0-9.]+)' : '([a-z]+\.[a-zA-Z0-9.]+)'/g)) {
        codes.add(m[1]);
        codes.add(m[2]);
      }
    }
    for (const k of ['png', 'jpeg', 'zip', 'gzip', 'gif', 'bzip2', 'xz', 'pdf', 'pickle', 'tar'])
      codes.add(`format.${k}`);
    expect(codes.size).toBeGreaterThan(80);
    const dicts: Record<string, Record<string, string>> = { en, zh };
    for (const code of codes)
      for (const [lang, dict] of Object.entries(dicts))
        expect(dict[`problem.${code}`], `${lang}: problem.${code}`).toBeTypeOf('string');
  });
});
