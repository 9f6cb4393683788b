/**
 * Browser-only: any audio the browser can decode (a MediaRecorder WebM/Opus recording, an M4A file) →
 * a mono 16-bit WAV File the server can read.
 */
import { encodeWav16, mixDown } from '@/lib/shared/wav';

/** Containers the server does not decode; the page converts these before upload. */
export function needsBrowserConversion(file: File): boolean {
  const name = file.name.toLowerCase();
  return /webm|mp4|m4a|aac|x-caf/.test(file.type) || /\.(webm|weba|m4a|mp4|aac|caf)$/.test(name);
}

export async function toWavFile(blob: Blob, name: string): Promise<File> {
  const context = new AudioContext();
  try {
    // decodeAudioData resamples to the context's rate; that is fine, the server resamples to 16 kHz anyway.
    const decoded = await context.decodeAudioData(await blob.arrayBuffer());
    const channels = Array.from({ length: decoded.numberOfChannels }, (_, c) => decoded.getChannelData(c));
    const wav = encodeWav16([mixDown(channels)], decoded.sampleRate);
    return new File([wav.slice().buffer as ArrayBuffer], name.replace(/\.[^.]+$/, '') + '.wav', { type: 'audio/wav' });
  } finally {
    void context.close();
  }
}
