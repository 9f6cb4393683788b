'use client';
/**
 * Thumbnails of the bundled sample images (public/samples/index.json); a click analyses that image. The strip
 * scrolls sideways; arrow buttons and a fade on the cut-off side say so (a bare overflow looks like the end).
 */
import { useEffect, useRef, useState } from 'react';
import { sampleKey, type SampleInfo } from '@/lib/shared/samples';
import { useSamples } from './useSamples';
import { useAnalysis } from './analysis/AnalysisProvider';

export function SampleGallery() {
  const { analyze, analysis } = useAnalysis();
  const samples = useSamples('image');
  const [loadingKey, setLoadingKey] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { stripRef, canScroll, scrollBy } = useSideScroll<HTMLUListElement>(samples?.length ?? 0);

  if (samples && samples.length === 0) return null;

  const open = async (sample: SampleInfo) => {
    const key = sampleKey(sample.file);
    setLoadingKey(key);
    setLoadError(null);
    try {
      const response = await fetch(sample.url);
      if (!response.ok) throw new Error(`${sample.url} answered ${response.status}`);
      const blob = await response.blob();
      const name = sample.file.split('/').pop() ?? `${key}.jpg`;
      analyze(new File([blob], name, { type: blob.type || 'image/jpeg' }));
    } catch (error) {
      setLoadError(`Could not load the sample: ${(error as Error).message}`);
    } finally {
      setLoadingKey(null);
    }
  };

  return (
    <section aria-label="Sample images" className="min-w-0 flex-1">
      <div className="mb-1 flex items-center gap-2">
        <h2 className="text-xs font-medium uppercase tracking-wide text-neutral-300">Samples</h2>
        <button
          type="button"
          aria-label="Scroll the samples left"
          disabled={!canScroll.left}
          onClick={() => scrollBy(-1)}
          className={scrollButton}
        >
          ‹
        </button>
        <button
          type="button"
          aria-label="Scroll the samples right"
          data-testid="samples-scroll-right"
          disabled={!canScroll.right}
          onClick={() => scrollBy(1)}
          className={scrollButton}
        >
          ›
        </button>
      </div>
      <div className="relative">
        <ul ref={stripRef} data-testid="sample-strip" className="flex min-h-16 gap-2 overflow-x-auto pb-1">
          {(samples ?? []).map((sample) => {
            const key = sampleKey(sample.file);
            const current = analysis.imageName === sample.file.split('/').pop();
            return (
              <li key={key} className="shrink-0">
                <button
                  type="button"
                  data-testid={`sample-${key}`}
                  title={`${sample.content}\nLicence: ${sample.licence}\nSource: ${sample.source}`}
                  onClick={() => void open(sample)}
                  disabled={loadingKey !== null}
                  className={`block overflow-hidden rounded-md ring-2 transition hover:ring-sky-400 focus-visible:ring-sky-400 focus-visible:outline-none ${current ? 'ring-sky-500' : 'ring-transparent'}`}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- tiny local thumbnails, no optimisation needed */}
                  <img
                    src={sample.url}
                    alt={sample.content}
                    loading="lazy"
                    className={`h-14 w-20 object-cover ${loadingKey === key ? 'opacity-50' : ''}`}
                  />
                </button>
              </li>
            );
          })}
        </ul>
        {canScroll.right && (
          <div
            aria-hidden
            className="pointer-events-none absolute inset-y-0 right-0 w-12 bg-gradient-to-l from-neutral-950"
          />
        )}
        {canScroll.left && (
          <div
            aria-hidden
            className="pointer-events-none absolute inset-y-0 left-0 w-12 bg-gradient-to-r from-neutral-950"
          />
        )}
      </div>
      {loadError && <p className="mt-1 text-xs text-red-300">{loadError}</p>}
    </section>
  );
}

const scrollButton =
  'rounded px-1.5 text-sm leading-5 text-neutral-200 ring-1 ring-neutral-600 hover:bg-neutral-800 disabled:opacity-40';

/** Whether a sideways strip has more on either side, kept current on scroll and resize. */
function useSideScroll<T extends HTMLElement>(itemCount: number) {
  const stripRef = useRef<T>(null);
  const [canScroll, setCanScroll] = useState({ left: false, right: false });
  useEffect(() => {
    const strip = stripRef.current;
    if (!strip) return;
    const update = () =>
      setCanScroll({ left: strip.scrollLeft > 1, right: strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1 });
    update();
    strip.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(strip);
    return () => {
      strip.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [itemCount]);
  const scrollBy = (direction: 1 | -1) =>
    stripRef.current?.scrollBy({ left: direction * stripRef.current.clientWidth * 0.8, behavior: 'smooth' });
  return { stripRef, canScroll, scrollBy };
}
