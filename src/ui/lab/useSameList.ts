import { useState } from 'react';

/**
 * The same array object for as long as the list holds the same items in the same order, so a
 * useMemo or memo() keyed on it skips work when only the array was rebuilt (e.g. by a filter).
 */
export function useSameList<T>(list: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(list);
  const same = kept.length === list.length && kept.every((x, i) => x === list[i]);
  // Adjusting state while rendering: React re-renders at once, before anything is committed.
  if (!same) setKept(list);
  return same ? kept : list;
}
