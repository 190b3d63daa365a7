// Number formatting shared by the run views.

import type { Translate } from '../i18n';

/** Seconds as "1 h 02 min", "3 min 05 s" or "12 s" (in the page's language). */
export function formatDuration(t: Translate, seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return t('durationHours', { h: Math.floor(s / 3600), m: two(Math.floor((s % 3600) / 60)) });
  if (s >= 60) return t('durationMinutes', { m: Math.floor(s / 60), s: two(s % 60) });
  return t('durationSeconds', { s });
}

/** A fraction 0…1 as a percentage number with two decimals (the test hooks hold plain numbers). */
export function percent(fraction: number): string {
  return (fraction * 100).toFixed(2);
}
