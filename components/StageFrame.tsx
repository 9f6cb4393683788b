'use client';
/**
 * Sizes the canvas to the space it has: in the full-window layout (≥ 1280 px) the box its column leaves it,
 * elsewhere the column's width and at most ~72% of the viewport height. A photo is never enlarged beyond its
 * own pixels (MAX_UPSCALE): a 540 px photo stretched to 1000 px is only blurrier, not more informative. It publishes the stage's state as data attributes: tests and other panels can read what is drawn without
 * reaching into Konva.
 */
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { entityHoverPoints, fitScale } from '@/lib/client/geometry';
import { useAnalysis } from './analysis/AnalysisProvider';
import { usePointKeys } from './point/usePointKeys';

const ImageStage = dynamic(() => import('./ImageStage'), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-neutral-800/60" />,
});

const MAX_UPSCALE = 1;
/** Matches Workspace's `xl:` layout, where the image column has a fixed height to fill. */
const FULL_WINDOW_QUERY = '(min-width: 1280px)';

function useElementSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
}

function useViewport(): { height: number; fullWindow: boolean } {
  const [viewport, setViewport] = useState({ height: 800, fullWindow: false });
  useEffect(() => {
    const query = window.matchMedia(FULL_WINDOW_QUERY);
    const update = () => setViewport({ height: window.innerHeight, fullWindow: query.matches });
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return viewport;
}

/** The photo's own size, known before the server's `image` event, so the preview shows at once. */
function useNaturalSize(url: string | null): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    setSize(null);
    if (!url) return;
    const element = new window.Image();
    element.onload = () => setSize({ width: element.naturalWidth, height: element.naturalHeight });
    element.src = url;
    return () => {
      element.onload = null;
    };
  }, [url]);
  return size;
}

/**
 * A selection made off the image (a tapped phrase in the chat below it, on a phone) scrolls the page so the
 * selected mask is in view; nothing moves when it already is. Only selection does this, never hover: a
 * scroll under a hovering pointer would end the hover that caused it.
 */
function useRevealSelection(
  stageRef: RefObject<HTMLDivElement | null>,
  selectedEntityId: string | null,
  centers: Record<string, [number, number]>,
) {
  const centersRef = useRef(centers);
  centersRef.current = centers;
  useEffect(() => {
    const stage = stageRef.current;
    if (!selectedEntityId || !stage) return;
    const frame = stage.getBoundingClientRect();
    const point = centersRef.current[selectedEntityId];
    const y = frame.top + (point ? point[1] : frame.height / 2);
    if (y >= 0 && y <= window.innerHeight) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: y - window.innerHeight / 2, behavior: smooth ? 'smooth' : 'auto' });
  }, [selectedEntityId, stageRef]);
}

export function StageFrame({ emptyState }: { emptyState: React.ReactNode }) {
  const { analysis, visible, hoveredEntityId, selectedEntityId, selectEntity } = useAnalysis();
  const { ref, width: availableWidth, height: boxHeight } = useElementSize<HTMLDivElement>();
  const stageRef = useRef<HTMLDivElement>(null);
  const viewport = useViewport();
  const availableHeight = viewport.fullWindow ? boxHeight : Math.max(240, viewport.height * 0.72);
  const preview = useNaturalSize(analysis.imageUrl);
  // Server coordinates win once known: boxes and masks are in the decoded image's pixels.
  const image = analysis.image ?? (analysis.status !== 'error' ? preview : null);
  const scale = image ? fitScale(image.width, image.height, availableWidth, availableHeight, MAX_UPSCALE) : 0;
  const stageWidth = image ? Math.round(image.width * scale) : 0;
  const stageHeight = image ? Math.round(image.height * scale) : 0;

  useEffect(() => {
    // Escape drops a sticky selection, from anywhere on the page.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') selectEntity(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selectEntity]);

  const centers = useMemo(
    () => (scale > 0 ? entityHoverPoints(visible, analysis.masks, scale) : {}),
    [visible, analysis.masks, scale],
  );
  useRevealSelection(stageRef, selectedEntityId, centers);
  const pointKeys = usePointKeys(analysis.image);

  return (
    <div ref={ref} className="flex w-full justify-center xl:min-h-0 xl:flex-1">
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: in point mode the stage takes the keyboard (its label says how); the canvas itself has no role to give. */}
      <div
        ref={stageRef}
        data-testid="stage"
        data-hovered-entity={hoveredEntityId ?? ''}
        data-selected-entity={selectedEntityId ?? ''}
        data-entity-count={visible.length}
        data-masks-ready={analysis.status === 'done' ? 'true' : 'false'}
        data-entity-centers={JSON.stringify(centers)}
        data-result-id={analysis.resultId ?? ''}
        data-point-cursor={pointKeys.cursor ? `${pointKeys.cursor.x},${pointKeys.cursor.y}` : ''}
        tabIndex={pointKeys.focusable ? 0 : undefined}
        aria-label={
          pointKeys.focusable
            ? 'Image in point mode: arrow keys move the cursor, Space adds a point, Delete a negative one, Enter names the mask'
            : undefined
        }
        onKeyDown={pointKeys.onKeyDown}
        className="relative overflow-hidden rounded-lg bg-neutral-900 shadow-lg shadow-black/40 ring-1 ring-neutral-800 focus-visible:outline-2 focus-visible:outline-sky-400"
        style={image && stageWidth > 0 ? { width: stageWidth, height: stageHeight } : { width: '100%' }}
      >
        {image && stageWidth > 0 ? <ImageStage width={stageWidth} height={stageHeight} scale={scale} /> : emptyState}
      </div>
    </div>
  );
}
