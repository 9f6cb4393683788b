/** A titled card for the side column; plain markup so it works in server and client components alike. */
import type { ReactNode } from 'react';

export function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} className="rounded-xl border border-neutral-800 bg-neutral-900/70 p-4">
      <h2 className="mb-3 text-sm font-semibold text-neutral-200">{title}</h2>
      {children}
    </section>
  );
}
