'use client';
/**
 * Results that last, on the browser's side: `/r/<id>` reopens a stored result, a finished analysis puts its
 * `/r/<id>` in the address bar (so a reload or a copied link comes back to it), and the display sliders are
 * saved with the result, debounced so dragging a slider sends one request, not fifty.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ResultIdSchema, type StoredResult } from '@/lib/shared/result';
import type { AnalysisState } from '@/lib/client/analysisState';
import { deleteStoredResult, fetchStoredResult, resultPagePath, saveDisplaySettings } from '@/lib/client/resultsApi';
import type { HttpFailure } from '@/lib/client/http-error';

export type OpenState =
  | { state: 'none' }
  | { state: 'loading'; id: string }
  | { state: 'not-found'; id: string }
  | { state: 'failed'; id: string; error: HttpFailure };

/** Long enough to outlast a slider drag, short enough that a reload right after still finds the setting. */
const DISPLAY_SAVE_DELAY_MS = 400;

interface PersistenceInput {
  initialResultId?: string;
  analysis: AnalysisState;
  open(stored: StoredResult): void;
  clear(): void;
  threshold: number;
  maskOpacity: number;
  applyDisplay(settings: { threshold: number; maskOpacity: number }): void;
}

export function useResultPersistence({
  initialResultId,
  analysis,
  open,
  clear,
  threshold,
  maskOpacity,
  applyDisplay,
}: PersistenceInput) {
  const [openState, setOpenState] = useState<OpenState>(
    initialResultId ? { state: 'loading', id: initialResultId } : { state: 'none' },
  );
  // The display settings the server already has for the shown result; a save happens only on a difference.
  const savedRef = useRef<{ id: string; threshold: number; maskOpacity: number } | null>(null);

  useEffect(() => {
    if (!initialResultId) return;
    const controller = new AbortController();
    void fetchStoredResult(initialResultId, controller.signal)
      .then((loaded) => {
        if (!loaded.ok) {
          setOpenState(
            loaded.notFound
              ? { state: 'not-found', id: initialResultId }
              : { state: 'failed', id: initialResultId, error: loaded.error },
          );
          return;
        }
        const stored = loaded.value;
        if (stored.display) {
          const display = { threshold: stored.display.scoreThreshold, maskOpacity: stored.display.maskOpacity };
          savedRef.current = { id: stored.id, ...display };
          applyDisplay(display);
        }
        open(stored);
        setOpenState({ state: 'none' });
      })
      .catch((error: Error) => {
        if (error.name !== 'AbortError')
          setOpenState({ state: 'failed', id: initialResultId, error: { code: 'client', message: error.message } });
      });
    return () => controller.abort();
  }, [initialResultId, open, applyDisplay]);

  // The address bar names the result on screen, without a navigation: the page stays as it is. A result that
  // replaces another one (a sound added to the photo) gets its own history entry, so Back returns to the one
  // before, with its chat; the first result of the page takes the page's own entry.
  // Only an id of the store's form can be reopened by /r/<id>, so only such an id goes into the address bar.
  const shownId = analysis.status === 'done' ? analysis.resultId : null;
  useEffect(() => {
    if (!shownId) return;
    const path = resultPagePath(shownId);
    if (ResultIdSchema.safeParse(shownId).success && window.location.pathname !== path) {
      const replacesAResult = /^\/r\/[\w-]+$/.test(window.location.pathname);
      if (replacesAResult) window.history.pushState(window.history.state, '', path);
      else window.history.replaceState(window.history.state, '', path);
    }
    if (savedRef.current?.id !== shownId) savedRef.current = { id: shownId, threshold, maskOpacity };
    // Only a new result id re-anchors the saved settings (slider moves are the next effect's), hence shownId alone.
  }, [shownId]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const saved = savedRef.current;
    if (!shownId || !saved || saved.id !== shownId) return;
    if (saved.threshold === threshold && saved.maskOpacity === maskOpacity) return;
    const timer = setTimeout(() => {
      savedRef.current = { id: shownId, threshold, maskOpacity };
      void saveDisplaySettings(shownId, { scoreThreshold: threshold, maskOpacity });
    }, DISPLAY_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [shownId, threshold, maskOpacity]);

  // Back and Forward: the page follows the address bar, reopening the stored result it names (never a page
  // that shows nothing while the address names a result).
  useEffect(() => {
    const follow = () => {
      const id = /^\/r\/([\w-]+)$/.exec(window.location.pathname)?.[1];
      if (id === shownId) return;
      if (!id) return clear();
      void fetchStoredResult(id).then((loaded) => {
        if (!loaded.ok)
          return setOpenState(
            loaded.notFound ? { state: 'not-found', id } : { state: 'failed', id, error: loaded.error },
          );
        if (loaded.value.display)
          applyDisplay({
            threshold: loaded.value.display.scoreThreshold,
            maskOpacity: loaded.value.display.maskOpacity,
          });
        open(loaded.value);
      });
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, [shownId, open, clear, applyDisplay]);

  const deleteResult = useCallback(async (): Promise<HttpFailure | null> => {
    if (!shownId) return null;
    const deleted = await deleteStoredResult(shownId);
    // Already gone is what the user asked for.
    if (!deleted.ok && !deleted.notFound) return deleted.error;
    savedRef.current = null;
    clear();
    window.history.replaceState(window.history.state, '', '/');
    return null;
  }, [shownId, clear]);

  return { openState, deleteResult };
}
