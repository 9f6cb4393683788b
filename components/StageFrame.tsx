'use client';
/**
 * Sizes the canvas to the space it has (width of the column, at most ~72% of the viewport height) and
 * publishes the stage's state as data attributes: tests and other panels can read what is drawn without
 * reaching into Konva.
 */
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useRef, useState } from 'react';
import { entityHoverPoints, fitScale } from '@/lib/client/geometry';
import { useAnalysis } from './analysis/AnalysisProvider';

const ImageStage = dynamic(() => import('./ImageStage'), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-neutral-800/60" />,
});

function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function useViewportHeight(): number {
  const [height, setHeight] = useState(800);
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
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

export function StageFrame({ emptyState }: { emptyState: React.ReactNode }) {
  const { analysis, visible, hoveredEntityId, selectedEntityId, selectEntity } = useAnalysis();
  const { ref, width: availableWidth } = useElementWidth<HTMLDivElement>();
  const viewportHeight = useViewportHeight();
  const preview = useNaturalSize(analysis.imageUrl);
  // Server coordinates win once known: boxes and masks are in the decoded image's pixels.
  const image = analysis.image ?? (analysis.status !== 'error' ? preview : null);
  const scale = image ? fitScale(image.width, image.height, availableWidth, Math.max(240, viewportHeight * 0.72)) : 0;
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

  return (
    <div ref={ref} className="flex w-full justify-center">
      <div
        data-testid="stage"
        data-hovered-entity={hoveredEntityId ?? ''}
        data-selected-entity={selectedEntityId ?? ''}
        data-entity-count={visible.length}
        data-masks-ready={analysis.status === 'done' ? 'true' : 'false'}
        data-entity-centers={JSON.stringify(centers)}
        data-result-id={analysis.resultId ?? ''}
        className="relative overflow-hidden rounded-lg bg-neutral-900 shadow-lg shadow-black/40 ring-1 ring-neutral-800"
        style={image && stageWidth > 0 ? { width: stageWidth, height: stageHeight } : { width: '100%' }}
      >
        {image && stageWidth > 0 ? <ImageStage width={stageWidth} height={stageHeight} scale={scale} /> : emptyState}
      </div>
    </div>
  );
}
