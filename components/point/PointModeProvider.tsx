'use client';
/**
 * Point and segment: in point mode a click on the image adds a positive point, Alt+click or a right-click a
 * negative one, and SAM's mask for the points (plus the cursor, while it hovers) is previewed from the
 * server's cached embedding. Enter keeps the mask as a new entity the user names; the server adds it to the
 * result, so it takes part in answers and linking like any detected object.
 *
 * Previews are throttled by the server's own speed: at most one request is in flight, and only the newest
 * cursor position waits behind it, so a fast mouse never builds a backlog.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { decodeMask, paintMaskCanvas } from '@/lib/shared/mask-bitmap';
import { keepPointEntity, previewPointMask, type PointPrompt } from '@/lib/client/resultsApi';
import type { DrawableMask } from '@/lib/client/analysisState';
import type { Mask } from '@/lib/shared/analysis';
import { useAnalysis } from '../analysis/AnalysisProvider';

/** The preview's colour: the UI's accent, distinct from the palette's entity colours being mostly saturated hues. */
const PREVIEW_COLOR = '#7dd3fc';

export interface PointMode {
  /** Point mode can be switched on only for a stored result (the routes work on its embedding). */
  available: boolean;
  active: boolean;
  setActive(active: boolean): void;
  points: PointPrompt[];
  addPoint(point: PointPrompt): void;
  /** The cursor in image pixels, or null when it left the image. */
  hoverAt(point: { x: number; y: number } | null): void;
  preview: DrawableMask | null;
  /** Keeps the previewed mask as an entity called `label`. */
  keep(label: string): Promise<void>;
  clearPoints(): void;
  busy: boolean;
  error: string | null;
}

const PointModeContext = createContext<PointMode | null>(null);

function drawable(mask: { rle: Mask['rle']; bbox: Mask['bbox']; area: number }): DrawableMask | null {
  const decoded = decodeMask('point-preview', { ...mask, predictedIou: 0, source: 'point prompt' });
  return decoded && { ...decoded, canvas: paintMaskCanvas(decoded, PREVIEW_COLOR) };
}

export function PointModeProvider({ children }: { children: ReactNode }) {
  const { analysis, addEntities } = useAnalysis();
  // A video's server-side picture is one keyframe, and a point entity would belong to no keyframe: photos only.
  const resultId = analysis.status === 'done' && !analysis.video ? analysis.resultId : null;
  const [active, setActiveState] = useState(false);
  const [points, setPoints] = useState<PointPrompt[]>([]);
  const [preview, setPreview] = useState<DrawableMask | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlightRef = useRef(false);
  const queuedRef = useRef<PointPrompt[] | null>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;

  const requestPreview = useCallback(
    async (prompts: PointPrompt[]) => {
      if (!resultId) return;
      if (prompts.length === 0) return setPreview(null);
      if (inFlightRef.current) {
        queuedRef.current = prompts; // only the newest waits
        return;
      }
      inFlightRef.current = true;
      try {
        const answer = await previewPointMask(resultId, prompts);
        // A 409 means a newer request for this image superseded this one; that one's answer is on the way.
        if (!answer.ok && answer.status !== 409) setError(answer.error.message);
        if (answer.ok) {
          setPreview(drawable(answer.value.mask));
          setError(null);
        }
      } finally {
        inFlightRef.current = false;
        const next = queuedRef.current;
        queuedRef.current = null;
        if (next) void requestPreview(next);
      }
    },
    [resultId],
  );

  const clearPoints = useCallback(() => {
    setPoints([]);
    setPreview(null);
    queuedRef.current = null;
    setError(null);
  }, []);

  // Points belong to one result's image.
  useEffect(() => {
    clearPoints();
    if (!resultId) setActiveState(false);
  }, [resultId, clearPoints]);

  const value = useMemo<PointMode>(
    () => ({
      available: resultId !== null,
      active: active && resultId !== null,
      setActive: (next) => {
        setActiveState(next);
        if (!next) clearPoints();
      },
      points,
      addPoint: (point) => {
        const next = [...pointsRef.current, point];
        setPoints(next);
        void requestPreview(next);
      },
      hoverAt: (cursor) =>
        void requestPreview(cursor ? [...pointsRef.current, { ...cursor, positive: true }] : pointsRef.current),
      preview,
      keep: async (label) => {
        if (!resultId || pointsRef.current.length === 0) return;
        setBusy(true);
        const answer = await keepPointEntity(resultId, label, pointsRef.current);
        setBusy(false);
        if (!answer.ok) return setError(answer.error.message);
        const entities = answer.value.events.flatMap((event) => (event.type === 'entity' ? [event.entity] : []));
        const masks = Object.fromEntries(
          answer.value.events.flatMap((event) => (event.type === 'mask' ? [[event.entityId, event.mask]] : [])),
        );
        addEntities(entities, masks);
        clearPoints();
      },
      clearPoints,
      busy,
      error,
    }),
    [resultId, active, points, preview, busy, error, requestPreview, clearPoints, addEntities],
  );

  return <PointModeContext.Provider value={value}>{children}</PointModeContext.Provider>;
}

export function usePointMode(): PointMode {
  const mode = useContext(PointModeContext);
  if (!mode) throw new Error('usePointMode must be used inside <PointModeProvider>');
  return mode;
}
