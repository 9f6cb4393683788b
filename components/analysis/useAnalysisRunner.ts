'use client';
/**
 * Runs one analysis at a time: a new upload aborts the previous request, so a slow earlier stream can never
 * overwrite a newer image's results. Masks are decoded and painted here, on arrival, exactly once. A stored
 * result reopens through the same reducer, by replaying its recorded events.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AnalyzeEvent, Entity, Mask } from '@/lib/shared/analysis';
import {
  analysisReducer,
  initialAnalysisState,
  type DrawableMask,
  type ReplayedEvent,
} from '@/lib/client/analysisState';
import type { StoredResult } from '@/lib/shared/result';
import {
  AnalyzeRequestError,
  isVideoFile,
  requestAnalysis,
  unsupportedImageType,
  type AnalyzeRequest,
} from '@/lib/client/analyzeRequest';
import type { WordResult } from '@/lib/shared/analysis';

/** The analysis options the UI can set (everything mode, words to find). */
export type AnalyzeOptions = Pick<AnalyzeRequest, 'everything' | 'find'>;
import { decodeMask, paintMaskCanvas } from '@/lib/shared/mask-bitmap';
import { NdjsonLineError } from '@/lib/client/ndjson';

export type AnalyzeEventListener = (event: AnalyzeEvent) => void;

export function useAnalysisRunner() {
  const [analysis, dispatch] = useReducer(analysisReducer, initialAnalysisState);
  const runIdRef = useRef(0);
  const controllerRef = useRef<AbortController | null>(null);
  // Object URLs made for uploads; each is revoked once neither the shown result nor a pending run uses it.
  const objectUrlsRef = useRef(new Set<string>());
  const shownRunIdRef = useRef(0);
  shownRunIdRef.current = analysis.shownRunId;
  const listenersRef = useRef(new Set<AnalyzeEventListener>());
  // Each entity's mask colour, for masks that arrive after their entity (stream or addEntities).
  const lightColorRef = useRef(new Map<string, string>());

  const paint = useCallback((entityId: string, wire: Mask): DrawableMask | null => {
    const decoded = decodeMask(entityId, wire);
    return (
      decoded && { ...decoded, canvas: paintMaskCanvas(decoded, lightColorRef.current.get(entityId) ?? '#ffffff') }
    );
  }, []);

  /** `chatFrom`: the shown result, when this run analyses its photo again and the conversation goes on. */
  const run = useCallback(
    async (image: File | null, audio: File | null, options: AnalyzeOptions = {}, chatFrom: string | null = null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const runId = ++runIdRef.current;
      // A video is not drawn itself: its keyframes arrive as pictures in the stream.
      const imageUrl = image && !isVideoFile(image) ? URL.createObjectURL(image) : null;
      if (imageUrl) objectUrlsRef.current.add(imageUrl);
      dispatch({
        type: 'run-started',
        runId,
        imageUrl,
        imageName: image ? image.name || 'pasted image' : null,
        chatFrom,
      });

      const typeProblem = image && unsupportedImageType(image);
      if (typeProblem) {
        dispatch({ type: 'failed', runId, error: { code: 'unsupported_type', message: typeProblem } });
        return;
      }
      let finished = false;
      try {
        for await (const event of requestAnalysis({ image, audio, ...options, chatFrom, signal: controller.signal })) {
          if (runId !== runIdRef.current) return;
          let mask: DrawableMask | null | undefined;
          if (event.type === 'image') lightColorRef.current = new Map();
          if (event.type === 'entity') lightColorRef.current.set(event.entity.id, event.entity.color.light);
          if (event.type === 'mask') mask = paint(event.entityId, event.mask);
          if (event.type === 'done' || event.type === 'error') finished = true;
          dispatch({ type: 'event', runId, event, mask });
          for (const listener of listenersRef.current) listener(event);
        }
        if (!finished && runId === runIdRef.current) {
          dispatch({
            type: 'failed',
            runId,
            error: { code: 'incomplete', message: 'The analysis stream ended before it finished.' },
          });
        }
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
        const detail =
          error instanceof AnalyzeRequestError
            ? error.detail
            : error instanceof NdjsonLineError
              ? { code: 'bad_stream', message: error.message }
              : { code: 'client', message: (error as Error).message || String(error) };
        dispatch({ type: 'failed', runId, error: detail });
      }
    },
    [paint],
  );

  /** Adds entities (and wire masks, by entity id) found after the analysis to the current result. */
  const addEntities = useCallback(
    (entities: Entity[], masks: Record<string, Mask> = {}) => {
      for (const entity of entities) lightColorRef.current.set(entity.id, entity.color.light);
      const painted: Record<string, DrawableMask> = {};
      for (const [entityId, wire] of Object.entries(masks)) {
        const drawable = paint(entityId, wire);
        if (drawable) painted[entityId] = drawable;
      }
      dispatch({ type: 'entities-added', runId: shownRunIdRef.current, entities, masks: painted });
    },
    [paint],
  );

  /** Shows a stored result: its events replayed through the reducer, masks painted as they were live. */
  const open = useCallback(
    (stored: StoredResult) => {
      controllerRef.current?.abort();
      const runId = ++runIdRef.current;
      lightColorRef.current = new Map();
      const replay: ReplayedEvent[] = stored.events.map((event) => {
        if (event.type === 'entity') lightColorRef.current.set(event.entity.id, event.entity.color.light);
        return { event, mask: event.type === 'mask' ? paint(event.entityId, event.mask) : undefined };
      });
      dispatch({
        type: 'restored',
        runId,
        resultId: stored.id,
        imageUrl: stored.imageUrl ?? null,
        imageName: stored.imageName ?? null,
        replay,
        chat: stored.chat,
      });
    },
    [paint],
  );

  /** Shows one of a video's keyframes under the overlays. */
  const showKeyframe = useCallback((index: number) => dispatch({ type: 'show-keyframe', index }), []);

  /** Back to the empty page (the result was deleted). */
  const clear = useCallback(() => {
    controllerRef.current?.abort();
    dispatch({ type: 'cleared', runId: ++runIdRef.current });
  }, []);

  const subscribe = useCallback((listener: AnalyzeEventListener) => {
    listenersRef.current.add(listener);
    return () => {
      listenersRef.current.delete(listener);
    };
  }, []);

  const shownUrl = analysis.imageUrl;
  const pendingUrl = analysis.pending?.imageUrl;
  useEffect(() => {
    for (const url of objectUrlsRef.current) {
      if (url === shownUrl || url === pendingUrl) continue;
      URL.revokeObjectURL(url);
      objectUrlsRef.current.delete(url);
    }
  }, [shownUrl, pendingUrl]);

  useEffect(
    () => () => {
      controllerRef.current?.abort();
      for (const url of objectUrlsRef.current) URL.revokeObjectURL(url);
    },
    [],
  );

  /** What a find on the stored result matched, shown like the analysis's own find event. */
  const showFinds = useCallback((results: WordResult[]) => {
    dispatch({ type: 'event', runId: runIdRef.current, event: { type: 'find', results } });
  }, []);

  return { analysis, run, open, clear, subscribe, addEntities, showFinds, showKeyframe };
}
