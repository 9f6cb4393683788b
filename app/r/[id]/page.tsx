/**
 * A stored result, reopened: the same workspace, which fetches `GET /api/results/<id>` and replays it. An id
 * that cannot be one (not 22 URL-safe characters) is a 404 here; a well-formed unknown id shows the page's
 * own "not found" state once the API says so.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AnalysisProvider } from '@/components/analysis/AnalysisProvider';
import { Workspace } from '@/components/Workspace';
import { ResultIdSchema } from '@/lib/shared/result';

export const metadata: Metadata = { title: 'Strix — a stored result' };

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ResultIdSchema.safeParse(id).success) notFound();
  return (
    <AnalysisProvider resultId={id}>
      <Workspace />
    </AnalysisProvider>
  );
}
