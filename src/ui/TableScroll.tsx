import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when its table is wider than the screen (a 375 px phone), so the
 * page itself never does. It can take the focus, so the keyboard can scroll it too (arrow keys),
 * and is a named region for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
