'use client';
/**
 * Everything mode and find by word. The switch and the words go with the next analysis (multipart `mode`,
 * `find`); on a stored result "Find" asks POST /api/results/<id>/find, without analysing again.
 */
import { useState, type FormEvent } from 'react';
import { FindResponseSchema } from '@/app/api/results/[id]/find/schema';
import { errorFromResponse } from '@/lib/client/http-error';
import { useAnalysis } from './analysis/AnalysisProvider';

export function AnalyzeOptions() {
  const { analysis, analyzeOptions, setAnalyzeOptions, showFinds } = useAnalysis();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const findOnResult = async (event: FormEvent) => {
    event.preventDefault();
    if (!analysis.resultId || !analyzeOptions.find?.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/results/${analysis.resultId}/find`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ find: analyzeOptions.find }),
      });
      if (!response.ok) setProblem((await errorFromResponse(response)).message);
      else showFinds(FindResponseSchema.parse(await response.json()).results);
    } catch (error) {
      setProblem(`Could not reach the server: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={findOnResult} className="flex flex-wrap items-center gap-2 text-sm" aria-label="Analysis options">
      <label
        className="flex items-center gap-1.5 text-neutral-200"
        title="SAM's automatic masks over the whole image, each named by the models (about 3 s more)"
      >
        <input
          type="checkbox"
          data-testid="everything-mode"
          checked={!!analyzeOptions.everything}
          onChange={(e) => setAnalyzeOptions({ ...analyzeOptions, everything: e.target.checked })}
        />
        Everything mode
      </label>
      <label className="flex items-center gap-1.5 text-neutral-200">
        Find
        <input
          type="text"
          data-testid="find-words"
          placeholder="lamp, window, pillow"
          value={analyzeOptions.find ?? ''}
          onChange={(e) => setAnalyzeOptions({ ...analyzeOptions, find: e.target.value })}
          className="w-48 rounded border border-neutral-600 bg-neutral-900 px-2 py-1 text-neutral-100"
        />
      </label>
      {analysis.resultId && (
        <button
          type="submit"
          disabled={busy || !analyzeOptions.find?.trim()}
          data-testid="find-on-result"
          className="rounded border border-neutral-600 px-2 py-1 text-neutral-100 disabled:opacity-50"
        >
          {busy ? 'Finding…' : 'Find in this result'}
        </button>
      )}
      {problem && (
        <span role="alert" className="text-red-300">
          {problem}
        </span>
      )}
    </form>
  );
}

/** Each word asked: the entities found and the model that named them, or that no model knows the word. */
export function FindResults() {
  const { analysis, hoverEntity, toggleEntity } = useAnalysis();
  if (analysis.finds.length === 0) return null;
  const labelOf = (id: string) => analysis.entities.find((e) => e.id === id);
  return (
    <ul aria-label="Find results" data-testid="find-results" className="flex flex-col gap-1 text-sm text-neutral-200">
      {analysis.finds.map((result) => (
        <li key={result.word} data-testid={`find-${result.word}`}>
          <span className="font-semibold">{result.word}</span>
          {': '}
          {!result.known && <span>no model here knows this word</span>}
          {result.known && result.found.length === 0 && (
            <span>not found ({[...new Set(result.classes.map((c) => c.model))].join(', ')} know it)</span>
          )}
          {result.found.map((f, i) => (
            <button
              key={f.entityId}
              type="button"
              data-testid="find-hit"
              className="ml-1 underline decoration-dotted"
              style={{ color: labelOf(f.entityId)?.color.light }}
              onMouseEnter={() => hoverEntity(f.entityId)}
              onMouseLeave={() => hoverEntity(null)}
              onClick={() => toggleEntity(f.entityId)}
            >
              {f.label} ({f.model}){i < result.found.length - 1 ? ',' : ''}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
