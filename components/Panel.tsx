/**
 * A titled card for the side columns; plain markup so it works in server and client components alike. In the
 * full-window layout a card may be given a share of its column (className) and then scrolls inside itself.
 */
import type { ReactNode } from 'react';

export function Panel({
  title,
  children,
  testId,
  className = '',
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className={`flex flex-col rounded-xl border border-neutral-800 bg-neutral-900/70 p-4 ${className}`}
    >
      <h2 className="mb-3 text-sm font-semibold text-neutral-200">{title}</h2>
      {/* The padding keeps focus outlines of the edge controls inside the scroll box, which would clip them. */}
      <div className="-m-1 min-h-0 flex-1 overflow-y-auto p-1">{children}</div>
    </section>
  );
}
