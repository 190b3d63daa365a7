// English and 简体中文. Strings live in per-language dictionaries keyed by English-ish ids;
// `useT()` returns a translator bound to the current language, which is remembered in
// localStorage. Adding a string: add the key to `en` (the type of every other dictionary).
// English is in the page's bundle; 简体中文 (~22 kB) is loaded when it is first needed, and the
// lab's texts (en.lab.ts, zh.lab.ts) with the lab's panel (labTextsReady).

import { useSyncExternalStore } from 'react';
import { en, type Messages, type StartMessages } from './en';
import type { LabMessages } from './en.lab';
import type { Problem } from '../../shared/problem';
import { fill, wordProblem } from './render';

export type Lang = 'en' | 'zh';
export type MessageKey = keyof Messages;

/** Each language's texts loaded so far: the start texts, and the lab's once its panel asked. */
const dictionaries: Partial<Record<Lang, StartMessages & Partial<LabMessages>>> = { en: { ...en } };
let labWanted = false;
/** The languages whose lab texts are in their dictionary. */
const labLoaded = new Set<Lang>();
const STORAGE_KEY = 'alexnet-lab.lang';
const listeners = new Set<() => void>();

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // Storage can be blocked (private mode); English then.
  }
  return navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

let current: Lang = 'en';

/** The language's dictionary, loaded once (en is always there), with the lab's texts if wanted. */
async function loadDictionary(lang: Lang): Promise<void> {
  if (!dictionaries[lang] && lang === 'zh') dictionaries.zh = { ...(await import('./zh')).zh };
  const dict = dictionaries[lang];
  if (!labWanted || !dict || labLoaded.has(lang)) return;
  const lab = lang === 'zh' ? (await import('./zh.lab')).zhLab : (await import('./en.lab')).enLab;
  Object.assign(dict, lab);
  labLoaded.add(lang);
}

/**
 * The lab's texts in English (the fallback) and the current language: awaited before its panel
 * renders (src/app/App.tsx), so no lab text is ever missing on screen.
 */
export async function labTextsReady(): Promise<void> {
  labWanted = true;
  await Promise.all([loadDictionary('en'), loadDictionary(current)]);
}

function show(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((l) => l());
}

/** The remembered (or the browser's) language, its dictionary loaded: awaited before the first render. */
export const i18nReady: Promise<void> = (async () => {
  const lang = initialLang();
  // A dictionary that fails to load (a broken deployment) leaves the page in English.
  await loadDictionary(lang).then(
    () => show(lang),
    () => show('en'),
  );
})();

export function getLang(): Lang {
  return current;
}

/** Switches once the language's dictionary is there (at once after its first load). */
export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched.
  }
  await loadDictionary(lang);
  show(lang);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  // A key not loaded yet is a bug, shown as the key rather than as a crash.
  return fill(dictionaries[lang]?.[key] ?? dictionaries.en?.[key] ?? key, vars);
}

/** The current language, re-rendering on change. */
export function useLang(): Lang {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}

/** A translator for the current language: t('train') → "Train" / "训练". */
export function useT(): Translate {
  const lang = useLang();
  return (key, vars) => translate(lang, key, vars);
}

/** The dictionary key of a Problem's message (see src/shared/problem.ts). */
export function problemKey(code: string): string {
  return `problem.${code}`;
}

/**
 * A Problem in the user's language. An unknown code is a bug, shown as the code itself rather than
 * as an English sentence.
 */
export function renderProblem(lang: Lang, p: Problem): string {
  return wordProblem(dictionaries[lang] ?? en, p, en);
}

/** renderProblem for the current language, re-rendering on change. */
export function useProblemText(): (p: Problem) => string {
  const lang = useLang();
  return (p) => renderProblem(lang, p);
}
