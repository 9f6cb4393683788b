'use client';
/** Thumbnails of the bundled sample images (public/samples/index.json); a click analyses that image. */
import { useState } from 'react';
import { sampleKey, type SampleInfo } from '@/lib/shared/samples';
import { useSamples } from './useSamples';
import { useAnalysis } from './analysis/AnalysisProvider';

export function SampleGallery() {
  const { analyze, analysis } = useAnalysis();
  const samples = useSamples('image');
  const [loadingKey, setLoadingKey] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

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
    <section aria-label="Sample images">
      <h2 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-neutral-500">Samples</h2>
      <ul className="flex min-h-16 gap-2 overflow-x-auto pb-1">
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
                <img src={sample.url} alt={sample.content} loading="lazy" className={`h-14 w-20 object-cover ${loadingKey === key ? 'opacity-50' : ''}`} />
              </button>
            </li>
          );
        })}
      </ul>
      {loadError && <p className="mt-1 text-xs text-red-400">{loadError}</p>}
    </section>
  );
}
