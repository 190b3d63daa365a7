// An on/off choice remembered in this browser (localStorage "1"/"0"); storage can be blocked
// (private mode), so reading gives false and writing is skipped: the choice holds for the visit.

export function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, on ? '1' : '0');
  } catch {
    // Not remembered, but still switched.
  }
}
