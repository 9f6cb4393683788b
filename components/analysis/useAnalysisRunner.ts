'use client';
/**
 * Runs one analysis at a time: a new upload aborts the previous request, so a slow earlier stream can never
 * overwrite a newer image's results. Masks are decoded and painted here, on arrival, exactly once.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AnalyzeEvent, Entity, Mask } from '@/lib/shared/analysis';
import { analysisReducer, initialAnalysisState, type DrawableMask } from '@/lib/client/analysisState';
import { AnalyzeRequestError, requestAnalysis, unsupportedImageType } from '@/lib/client/analyzeRequest';
import { decodeMask, paintMaskCanvas } from '@/lib/client/masks';
import { NdjsonLineError } from '@/lib/client/ndjson';

export type AnalyzeEventListener = (event: AnalyzeEvent) => void;

export function useAnalysisRunner() {
  const [analysis, dispatch] = useReducer(analysisReducer, initialAnalysisState);
  const runIdRef = useRef(0);
  const controllerRef = useRef<AbortController | null>(null);
  const imageUrlRef = useRef<string | null>(null);
  const listenersRef = useRef(new Set<AnalyzeEventListener>());
  // Each entity's mask colour, for masks that arrive after their entity (stream or addEntities).
  const lightColorRef = useRef(new Map<string, string>());

  const paint = useCallback((entityId: string, wire: Mask): DrawableMask | null => {
    const decoded = decodeMask(entityId, wire);
    return decoded && { ...decoded, canvas: paintMaskCanvas(decoded, lightColorRef.current.get(entityId) ?? '#ffffff') };
  }, []);

  const run = useCallback(async (image: File | null, audio: File | null) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    const runId = ++runIdRef.current;
    const previousUrl = imageUrlRef.current;
    const imageUrl = image && URL.createObjectURL(image);
    imageUrlRef.current = imageUrl;
    dispatch({ type: 'run-started', runId, imageUrl, imageName: image ? image.name || 'pasted image' : null });
    if (previousUrl) URL.revokeObjectURL(previousUrl);

    const typeProblem = image && unsupportedImageType(image);
    if (typeProblem) {
      dispatch({ type: 'failed', runId, error: { code: 'unsupported_type', message: typeProblem } });
      return;
    }
    lightColorRef.current = new Map();
    let finished = false;
    try {
      for await (const event of requestAnalysis({ image, audio, signal: controller.signal })) {
        if (runId !== runIdRef.current) return;
        let mask: DrawableMask | null | undefined;
        if (event.type === 'entity') lightColorRef.current.set(event.entity.id, event.entity.color.light);
        if (event.type === 'mask') mask = paint(event.entityId, event.mask);
        if (event.type === 'done' || event.type === 'error') finished = true;
        dispatch({ type: 'event', runId, event, mask });
        for (const listener of listenersRef.current) listener(event);
      }
      if (!finished && runId === runIdRef.current) {
        dispatch({ type: 'failed', runId, error: { code: 'incomplete', message: 'The analysis stream ended before it finished.' } });
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
  }, [paint]);

  /** Adds entities (and wire masks, by entity id) found after the analysis to the current result. */
  const addEntities = useCallback(
    (entities: Entity[], masks: Record<string, Mask> = {}) => {
      for (const entity of entities) lightColorRef.current.set(entity.id, entity.color.light);
      const painted: Record<string, DrawableMask> = {};
      for (const [entityId, wire] of Object.entries(masks)) {
        const drawable = paint(entityId, wire);
        if (drawable) painted[entityId] = drawable;
      }
      dispatch({ type: 'entities-added', runId: runIdRef.current, entities, masks: painted });
    },
    [paint],
  );

  const subscribe = useCallback((listener: AnalyzeEventListener) => {
    listenersRef.current.add(listener);
    return () => {
      listenersRef.current.delete(listener);
    };
  }, []);

  useEffect(
    () => () => {
      controllerRef.current?.abort();
      if (imageUrlRef.current) URL.revokeObjectURL(imageUrlRef.current);
    },
    [],
  );

  return { analysis, run, subscribe, addEntities };
}
