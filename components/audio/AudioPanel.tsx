'use client';
/**
 * The sound input and its analysis. The page owns the File (it uploads it with the image as multipart field
 * `audio`); this panel picks it (file, drop, bundled sample or microphone), draws it, and shows the server's
 * AudioSummary once it arrives. Formats the server cannot decode (WebM, M4A) are converted to WAV here first.
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import type { AudioSummary } from '@/lib/shared/audio';
import { needsBrowserConversion, toWavFile } from '@/lib/client/audio/convert';
import { AudioEventList } from './AudioEventList';
import { Recorder } from './Recorder';
import { Waveform } from './Waveform';
import { sampleKey } from '@/lib/shared/samples';
import { useSamples } from '../useSamples';

export interface AudioPanelProps {
  file: File | null;
  onFileChange(file: File | null): void;
  summary: AudioSummary | null;
  /** Entities marked as the sound's source (matched from summary.keywords), for the note under the text. */
  linkedEntityIds?: string[];
  /** The source's words rendered as a link to those entities (the page supplies it; this panel knows no store). */
  sourceLink?: ReactNode;
}

const ACCEPT = 'audio/*,.wav,.mp3,.ogg,.oga,.opus,.flac,.webm,.m4a';

export function AudioPanel({ file, onFileChange, summary, linkedEntityIds = [], sourceLink }: AudioPanelProps) {
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
    const dropped = Array.from(event.dataTransfer.files).find((f) => f.type.startsWith('audio/') || f.type.startsWith('video/webm') || /\.(wav|mp3|ogg|oga|opus|flac|webm|m4a)$/i.test(f.name));
    if (dropped) void accept(dropped);
    else setError('Drop an audio file (WAV, MP3, OGG, Opus, FLAC or WebM).');
  };

  return (
    <div className="flex flex-col gap-3 text-sm">
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
        <span className="text-xs text-neutral-400">or drop a file · WAV, MP3, OGG, Opus, FLAC, WebM · first 60 s analysed</span>
      </div>

      {samples.length > 0 && (
        <div className="flex flex-wrap gap-1.5" aria-label="Sample sounds">
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
          <button type="button" onClick={() => onFileChange(null)} className="text-neutral-400 underline hover:text-neutral-300">
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

      {file && !summary && <p className="text-xs text-neutral-400">The sound is analysed together with the image.</p>}

      {summary && (
        <div className="flex flex-col gap-2">
          <p data-testid="audio-description" className="leading-relaxed text-neutral-200">
            {summary.description}
          </p>
          {summary.keywords.length > 0 && (
            <p className="text-xs text-neutral-400">
              Likely source: {sourceLink ?? summary.keywords.join(', ')}
              {linkedEntityIds.length > 0
                ? ` — marked on the image (${linkedEntityIds.length} ${linkedEntityIds.length === 1 ? 'entity' : 'entities'}).`
                : ' — not visible in the image.'}
            </p>
          )}
          <AudioEventList events={summary.events} />
          <p className="text-[11px] text-neutral-400">
            Speech by silero-vad; everything else by signal processing (levels, onsets, YIN pitch, spectrum). No model
            here names sound sources, so only speech is linked to a visible person. Analysed in {summary.ms} ms.
          </p>
        </div>
      )}
    </div>
  );
}
