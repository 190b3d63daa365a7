// Light or dark colours (app.css: :root[data-theme='dark']). Until the visitor chooses, the
// system's prefers-color-scheme decides (and is followed as it changes); a choice is remembered in
// this browser.

import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'alexnet-lab.theme';
const listeners = new Set<() => void>();

function saved(): Theme | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // Storage blocked (private mode): the system decides.
  }
}

const systemDark = () => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

let current: Theme = saved() ?? (systemDark() ? 'dark' : 'light');

function apply(): void {
  document.documentElement.dataset.theme = current;
  listeners.forEach((l) => l());
}

/** Sets the theme before the first render, so the page never flashes the other one. */
export function startTheme(): void {
  apply();
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    if (saved()) return;
    current = e.matches ? 'dark' : 'light';
    apply();
  });
}

export function setTheme(theme: Theme): void {
  current = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Not remembered, but still switched.
  }
  apply();
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
}
