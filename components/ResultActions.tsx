'use client';
/**
 * What can be done with the result on screen: copy its link, delete it, take it away (exports). Shown once
 * the analysis is stored, i.e. once it has an id.
 */
import { useState } from 'react';
import { resultPagePath } from '@/lib/client/resultsApi';
import { useAnalysis } from './analysis/AnalysisProvider';
import { ExportButtons } from './ExportButtons';

export const actionButton =
  'rounded-md border border-neutral-600 px-2 py-1 text-xs text-neutral-100 hover:bg-neutral-800 disabled:cursor-not-allowed disabled:opacity-60';

function CopyLinkButton({ resultId }: { resultId: string }) {
  const [note, setNote] = useState<string | null>(null);
  const link = `${window.location.origin}${resultPagePath(resultId)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setNote('Link copied');
    } catch {
      // No clipboard (an insecure origin, a denied permission): show the link so it can be copied by hand.
      setNote(link);
    }
  };
  return (
    <>
      <button
        type="button"
        data-testid="copy-link"
        data-link={link}
        className={actionButton}
        onClick={() => void copy()}
      >
        Copy link
      </button>
      <span
        role="status"
        data-testid="copy-link-note"
        className="max-w-64 truncate text-xs text-neutral-300 select-all"
      >
        {note}
      </span>
    </>
  );
}

function DeleteButton() {
  const { deleteResult } = useAnalysis();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    const failure = await deleteResult();
    setBusy(false);
    setConfirming(false);
    setError(failure ? `Could not delete: ${failure.message}` : null);
  };
  return (
    <>
      {confirming ? (
        <span className="flex items-center gap-1.5 text-xs text-neutral-200">
          Delete the stored result for everyone with the link?
          <button
            type="button"
            data-testid="delete-confirm"
            disabled={busy}
            className={`${actionButton} border-red-700 text-red-100 hover:bg-red-950`}
            onClick={() => void remove()}
          >
            Delete
          </button>
          <button type="button" className={actionButton} onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <button type="button" data-testid="delete-result" className={actionButton} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-300">
          {error}
        </span>
      )}
    </>
  );
}

export function ResultActions() {
  const { analysis } = useAnalysis();
  if (analysis.status !== 'done' || !analysis.resultId) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 sm:ml-auto" data-testid="result-actions">
      <CopyLinkButton resultId={analysis.resultId} />
      <DeleteButton />
      <ExportButtons />
    </div>
  );
}
