import type { ReactNode } from 'react';

/** A table that may scroll sideways on a narrow screen: the scrolling box can take the keyboard
 * focus (arrow keys scroll it) and is named for screen readers. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-table-container jt-table-scroll mon-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
