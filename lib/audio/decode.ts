/**
 * Any supported upload → mono Float32 samples at 16 kHz, the rate silero-vad and every feature here expect
 * (it is also the rate BuboGPT's audio branch uses).
 *
 * Caps: the route limits bytes; here only the first `maxSeconds` are analysed. A longer file is cut, not
 * rejected, and `truncated` says so, because the summary of the first minute is still useful and rejecting
 * a slightly long recording would be a worse experience.
 */
import { AudioInputError } from './errors';
import { sniffAudioFormat, type AudioFormat } from './sniff';
import { decodeWav } from './decode-wav';
import { decodeCompressed, type RawAudio } from './decode-compressed';
import { resample } from './resample';
import { countClippedSamples, peakAmplitude } from './levels';

export const ANALYSIS_SAMPLE_RATE = 16000;
export const DEFAULT_MAX_SECONDS = 60;

export interface DecodedAudio {
  /** Mono (mean of the channels), resampled to 16 kHz, values in [-1, 1]. */
  samples: Float32Array;
  /** The same mono mix at the file's own rate, for models that hear above 8 kHz (the 32 kHz sound tagger). */
  original: { samples: Float32Array; sampleRate: number };
  sampleRate: typeof ANALYSIS_SAMPLE_RATE;
  originalSampleRate: number;
  channels: number;
  /** Duration of the whole upload, before truncation. */
  durationSeconds: number;
  /** True when the original duration was estimated from bytes (a compressed file cut at maxSeconds). */
  durationEstimated: boolean;
  /** True when only the first maxSeconds were kept. */
  truncated: boolean;
  format: AudioFormat;
  /** Largest |sample| over the kept channels at the original rate (resampling can overshoot or smooth it). */
  peak: number;
  /** Share of the kept original samples (all channels) inside runs of full-scale samples: clipping. */
  clippedFraction: number;
}

/** Mean of the channels: keeps the level of a mono signal copied to both sides (not their sum). */
export function mixToMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0];
  const length = Math.min(...channels.map((c) => c.length));
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i];
  for (let i = 0; i < length; i++) mono[i] /= channels.length;
  return mono;
}

export async function decodeAudio(bytes: Uint8Array, maxSeconds = DEFAULT_MAX_SECONDS): Promise<DecodedAudio> {
  const format = sniffAudioFormat(bytes);
  const raw: RawAudio =
    format === 'wav' ? decodeWav(bytes, maxSeconds) : await decodeCompressed(bytes, format, maxSeconds);
  const mono = mixToMono(raw.channels);
  if (mono.length === 0) throw new AudioInputError('empty_audio', 'The audio file contains no samples.');
  for (let i = 0; i < mono.length; i++) {
    // A damaged float WAV can hold NaN/Inf, which would poison every sum downstream.
    if (!Number.isFinite(mono[i])) mono[i] = 0;
  }
  let clipped = 0;
  let totalSamples = 0;
  for (const channel of raw.channels) {
    clipped += countClippedSamples(channel);
    totalSamples += channel.length;
  }
  return {
    samples: resample(mono, raw.sampleRate, ANALYSIS_SAMPLE_RATE),
    sampleRate: ANALYSIS_SAMPLE_RATE,
    original: { samples: mono, sampleRate: raw.sampleRate },
    originalSampleRate: raw.sampleRate,
    channels: raw.channels.length,
    durationSeconds: raw.durationSeconds,
    durationEstimated: raw.durationEstimated,
    // Half a sample's tolerance: decoders round durations.
    truncated: raw.durationSeconds > maxSeconds + 0.5 / raw.sampleRate,
    format,
    peak: Math.max(...raw.channels.map((channel) => peakAmplitude(channel))),
    clippedFraction: totalSamples > 0 ? clipped / totalSamples : 0,
  };
}
