'use client';
/**
 * The waveform (wavesurfer.js v8) with speech stretches shaded. The shading is our own overlay rather than
 * the regions plugin: it sits outside wavesurfer's shadow DOM (so it is easy to test and style), and it
 * also works when only the summary's peaks are at hand (a permalink without the sound file).
 */
import { useEffect, useRef, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';

interface Span {
  start: number;
  end: number;
}

export function Waveform({
  file,
  peaks,
  duration,
  speech,
}: {
  file: File | null;
  /** Fallback drawing when there is no file: the summary's waveform peaks and analysed duration. */
  peaks?: number[];
  duration?: number;
  speech: Span[];
}) {
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [loadedDuration, setLoadedDuration] = useState<number | null>(null);

  // With a file the waveform is drawn from it: the analysis's peaks arriving later must not restart (and so
  // abort) its load. Without one, the stored result's peaks draw it.
  const fallbackPeaks = file ? null : peaks;
  const fallbackDuration = file ? null : duration;
  useEffect(() => {
    if (!container.current || (!file && !fallbackPeaks?.length)) return;
    let cancelled = false;
    let url: string | null = null;
    let instance: WaveSurfer | null = null;
    // Imported on the client only: wavesurfer needs the DOM.
    void import('wavesurfer.js').then(({ default: WaveSurferClass }) => {
      if (cancelled || !container.current) return;
      url = file ? URL.createObjectURL(file) : null;
      instance = WaveSurferClass.create({
        container: container.current,
        height: 72,
        waveColor: '#64748b',
        progressColor: '#38bdf8',
        cursorColor: '#e2e8f0',
        barWidth: 2,
        barGap: 1,
        normalize: true,
        ...(url ? { url } : { peaks: [fallbackPeaks ?? []], duration: fallbackDuration ?? 1 }),
      });
      instance.on('ready', (seconds) => setLoadedDuration(seconds));
      instance.on('play', () => setPlaying(true));
      instance.on('pause', () => setPlaying(false));
      instance.on('finish', () => setPlaying(false));
      surfer.current = instance;
    });
    return () => {
      cancelled = true;
      instance?.destroy();
      surfer.current = null;
      if (url) URL.revokeObjectURL(url);
      setPlaying(false);
      setLoadedDuration(null);
    };
  }, [file, fallbackPeaks, fallbackDuration]);

  const total = loadedDuration ?? duration ?? 0;
  return (
    <div className="flex flex-col gap-2">
      <div className="relative" data-testid="waveform" data-speech-regions={speech.length}>
        <div ref={container} className="min-h-[72px] rounded bg-neutral-950/60" />
        {total > 0 &&
          speech.map((span) => (
            <div
              key={`${span.start}-${span.end}`}
              data-testid="speech-region"
              title={`Speech ${span.start.toFixed(1)}–${span.end.toFixed(1)} s`}
              className="pointer-events-none absolute inset-y-0 border-x border-emerald-400/60 bg-emerald-400/15"
              style={{
                left: `${(Math.min(span.start, total) / total) * 100}%`,
                width: `${((Math.min(span.end, total) - Math.min(span.start, total)) / total) * 100}%`,
              }}
            />
          ))}
      </div>
      {file && (
        <button
          type="button"
          onClick={() => void surfer.current?.playPause()}
          className="self-start rounded-md border border-neutral-700 px-2.5 py-1 text-xs text-neutral-200 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-sky-400"
          aria-label={playing ? 'Pause' : 'Play'}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
      )}
    </div>
  );
}
