'use client';
/** The bundled audio samples listed in public/samples/index.json (entries with kind "audio"). */
import { useEffect, useState } from 'react';

export interface AudioSampleEntry {
  kind: 'audio';
  file: string;
  url: string;
  licence: string;
  content: string;
}

/** "audio/speech_jfk.wav" → "speech_jfk": the test id suffix. */
export function audioSampleKey(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
}

export function useAudioSamples(): AudioSampleEntry[] {
  const [samples, setSamples] = useState<AudioSampleEntry[]>([]);
  useEffect(() => {
    let cancelled = false;
    fetch('/samples/index.json')
      .then((response) => (response.ok ? (response.json() as Promise<{ kind: string }[]>) : []))
      .then((entries) => {
        if (!cancelled) setSamples(entries.filter((entry): entry is AudioSampleEntry => entry.kind === 'audio'));
      })
      .catch(() => undefined); // no samples is a fine state: upload and recording still work
    return () => {
      cancelled = true;
    };
  }, []);
  return samples;
}
