// Train / pause / resume from the keyboard: T, P, R without modifiers, never while the visitor
// types in a field (a value like "0.01" must not start a run).
import { useEffect } from 'react';
import { bridge } from '../../client/bridge';
import { isRunActive, store } from '../../store';

export const SHORTCUT_KEYS = { train: 't', pause: 'p', resume: 'r' } as const;

/** True when a key press belongs to a text field, a select or editable content. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Listens on the page for the run shortcuts; the same conditions as the buttons apply. */
export function useRunShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      const s = store.getState();
      const key = e.key.toLowerCase();
      if (key === SHORTCUT_KEYS.train && s.dataset !== null && !isRunActive(s)) bridge.train();
      else if (key === SHORTCUT_KEYS.pause && s.runState === 'training') bridge.pause();
      else if (key === SHORTCUT_KEYS.resume && s.runState === 'paused') bridge.resume();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
