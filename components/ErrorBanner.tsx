'use client';
/** Shows the server's own message (4xx body, 429 busy, mid-stream error event) rather than a generic one. */
import { useAnalysis } from './analysis/AnalysisProvider';

export function ErrorBanner() {
  const { analysis, reanalyze } = useAnalysis();
  const error = analysis.error;
  return (
    <div
      data-testid="error"
      data-error-code={error?.code ?? ''}
      role="alert"
      aria-live="assertive"
      className={error ? '' : 'hidden'}
    >
      {error && (
        <div className="flex items-start gap-3 rounded-md border border-red-900/70 bg-red-950/60 px-3 py-2 text-sm text-red-200">
          <span className="grow">
            <span className="font-medium">Analysis failed:</span> {error.message}
          </span>
          {error.code !== 'unsupported_type' && (
            <button
              type="button"
              onClick={reanalyze}
              className="shrink-0 rounded px-2 py-0.5 text-red-100 ring-1 ring-red-800 hover:bg-red-900/60"
            >
              Retry
            </button>
          )}
        </div>
      )}
    </div>
  );
}
