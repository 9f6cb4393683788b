'use client';
/**
 * The sound input and its analysis. The page owns the File (it uploads it with the image as multipart field
 * `audio`); this panel picks it (file, drop, bundled sample or microphone), draws it, and shows the server's
 * AudioSummary once it arrives. Formats the server cannot decode (WebM, M4A) are converted to WAV here first.
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import type { AudioSummary, SoundEvent } from '@/lib/shared/audio';
import { needsBrowserConversion, toWavFile } from '@/lib/client/audio/convert';
import { AudioEventList } from './AudioEventList';
import { HeardSounds } from './HeardSounds';
import { SoundTimeline } from './SoundTimeline';
import { Recorder } from './Recorder';
import { Waveform } from './Waveform';
import { sampleKey } from '@/lib/shared/samples';
import { useSamples } from '../useSamples';

export interface AudioPanelProps {
  file: File | null;
  onFileChange(file: File | null): void;
  summary: AudioSummary | null;
  /** Labels of the events whose source entity is pointed at on the image: their bands light up. */
  highlightedLabels?: ReadonlySet<string>;
  /** An event band is pointed at (null when left), so its source entity can light up. */
  onPointEvent?(event: SoundEvent | null): void;
  /** What in the picture makes one group's events, as a linked phrase (the caller knows the store). */
  renderSource?(events: SoundEvent[]): ReactNode;
  /** The plain summary with its source phrases linked; defaults to the summary's text. */
  linkedSummary?: ReactNode;
}

const NO_LABELS: ReadonlySet<string> = new Set();

const ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.webm,.m4a';

export function AudioPanel({
  file,
  onFileChange,
  summary,
  highlightedLabels = NO_LABELS,
  onPointEvent = () => {},
  renderSource = () => null,
  linkedSummary,
}: AudioPanelProps) {
  const samples = useSamples('audio') ?? [];
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const accept = async (chosen: File | null) => {
    setError(null);
    if (!chosen) return onFileChange(null);
    if (!needsBrowserConversion(chosen)) return onFileChange(chosen);
    setBusy('Converting to WAV…');
    try {
      onFileChange(await toWavFile(chosen, chosen.name));
    } catch (conversionError) {
      setError(`This browser could not decode ${chosen.name}: ${(conversionError as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const pickSample = async (url: string, file: string) => {
    setBusy('Loading sample…');
    setError(null);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const blob = await response.blob();
      onFileChange(new File([blob], file.split('/').pop() ?? 'sample', { type: blob.type }));
    } catch (loadError) {
      setError(`Could not load the sample: ${(loadError as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = Array.from(event.dataTransfer.files).find(
      (f) =>
        f.type.startsWith('audio/') ||
        f.type.startsWith('video/webm') ||
        /\.(wav|mp3|ogg|oga|opus|flac|webm|m4a)$/i.test(f.name),
    );
    if (dropped) void accept(dropped);
    else setError('Drop an audio file (WAV, MP3, OGG, Opus, FLAC or WebM).');
  };

  return (
    <div className="flex flex-col gap-3 text-sm">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the file input and the recorder are the keyboard's way in. */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-wrap items-center gap-2 rounded-lg border border-dashed p-2 ${dragging ? 'border-sky-400 bg-sky-950/40' : 'border-neutral-700'}`}
      >
        <label className="cursor-pointer rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 focus-within:outline-2 focus-within:outline-sky-400">
          Choose sound
          <input
            type="file"
            accept={ACCEPT}
            data-testid="audio-input"
            className="sr-only"
            onChange={(event) => {
              void accept(event.target.files?.[0] ?? null);
              event.target.value = ''; // picking the same file again must fire change again
            }}
          />
        </label>
        <Recorder onRecorded={(recorded) => void accept(recorded)} onError={setError} />
        <span className="text-xs text-neutral-400">
          or drop a file · WAV, MP3, OGG, Opus, FLAC, WebM · first 60 s analysed
        </span>
      </div>

      {samples.length > 0 && (
        // biome-ignore lint/a11y/useSemanticElements: buttons that each start an analysis, not a form's fields.
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Sample sounds">
          {samples.map((sample) => (
            <button
              key={sample.file}
              type="button"
              data-testid={`audio-sample-${sampleKey(sample.file)}`}
              title={`${sample.content} — ${sample.licence}`}
              onClick={() => void pickSample(sample.url, sample.file)}
              className="rounded-full border border-neutral-700 px-2.5 py-0.5 text-xs text-neutral-300 hover:bg-neutral-800 focus-visible:outline-2 focus-visible:outline-sky-400"
            >
              {sampleKey(sample.file).replace(/_/g, ' ')}
            </button>
          ))}
        </div>
      )}

      {busy && <p className="text-xs text-neutral-400">{busy}</p>}
      {error && (
        <p role="alert" className="rounded border border-red-900 bg-red-950/60 px-2 py-1 text-xs text-red-200">
          {error}
        </p>
      )}

      {file && (
        <div className="flex items-center gap-2 text-xs text-neutral-400">
          <span className="truncate" title={file.name}>
            {file.name} · {(file.size / 1024).toFixed(0)} KB
          </span>
          <button
            type="button"
            onClick={() => onFileChange(null)}
            className="text-neutral-400 underline hover:text-neutral-300"
          >
            remove
          </button>
        </div>
      )}

      {(file || summary) && (
        <Waveform
          file={file}
          peaks={file ? undefined : summary?.waveform.peaks}
          duration={file ? undefined : summary?.analysedSeconds}
          speech={summary?.speech.segments ?? []}
        />
      )}

      {summary && (
        <SoundTimeline
          events={summary.soundEvents}
          duration={summary.analysedSeconds}
          highlighted={highlightedLabels}
          onPoint={onPointEvent}
        />
      )}

      {file && !summary && <p className="text-xs text-neutral-400">The sound is analysed together with the image.</p>}

      {summary && (
        <div className="flex flex-col gap-2">
          <p data-testid="audio-plain-summary" className="leading-relaxed text-neutral-100">
            {linkedSummary ?? summary.plainSummary}
          </p>
          <HeardSounds events={summary.soundEvents} renderSource={renderSource} />
          <details className="text-xs text-neutral-400" data-testid="audio-details">
            <summary className="cursor-pointer select-none text-neutral-300 hover:text-neutral-100">Details</summary>
            <div className="mt-2 flex flex-col gap-2">
              <p data-testid="audio-description" className="leading-relaxed text-neutral-300">
                {summary.description}
              </p>
              {summary.clipTags.length > 0 && (
                <p data-testid="audio-clip-tags">
                  Whole clip: {summary.clipTags.map((tag) => `${tag.label} ${tag.score.toFixed(2)}`).join('; ')}
                </p>
              )}
              <AudioEventList events={summary.events} />
            </div>
          </details>
          <p className="text-[11px] text-neutral-400">
            Named sounds by EfficientAT mn04_as (AudioSet, 527 classes; AudioSet ontology, Google, CC BY-SA 4.0) on 1 s
            windows every 0.5 s; speech by silero-vad; details by signal processing. Analysed in {summary.ms} ms.
          </p>
        </div>
      )}
    </div>
  );
}
