/**
 * Cuts a 32 kHz mono clip into the tagger's inputs. EfficientAT's front-end (pre-emphasis, STFT, log-mel) is
 * inside the ONNX graph, so the input is the raw waveform; windows of one length are stacked into one
 * [batch, samples] tensor so a whole clip costs one `session.run`.
 */
import { resample } from '@/lib/audio/resample';

export const TAGGER_SAMPLE_RATE = 32000;
/** The graph's STFT needs at least n_fft / 2 + 1 samples; shorter clips are zero-padded to this. */
export const MIN_INPUT_SAMPLES = 513;

export interface WindowSpan {
  start: number;
  end: number;
}

/** Any-rate mono samples → 32 kHz (band-limited; a 16 kHz recording simply has nothing above 8 kHz). */
export function toTaggerRate(samples: Float32Array, sampleRate: number): Float32Array {
  return resample(samples, sampleRate, TAGGER_SAMPLE_RATE);
}

/**
 * Window spans over a clip of `seconds`: `windowSeconds` long every `hopSeconds`, the last one aligned to the
 * clip's end so its tail is scored too. A clip shorter than one window is a single span.
 */
export function windowSpans(seconds: number, windowSeconds: number, hopSeconds: number): WindowSpan[] {
  if (seconds <= windowSeconds) return [{ start: 0, end: round3(seconds) }];
  const spans: WindowSpan[] = [];
  let start = 0;
  for (; start + windowSeconds <= seconds + 1e-9; start += hopSeconds)
    spans.push({ start, end: start + windowSeconds });
  const last = spans[spans.length - 1];
  if (last.end < seconds - 1e-9) spans.push({ start: seconds - windowSeconds, end: seconds });
  return spans.map((s) => ({ start: round3(s.start), end: round3(s.end) }));
}

/** The spans' samples stacked row after row (all spans must have one length), padded to MIN_INPUT_SAMPLES. */
export function stackWindows(samples: Float32Array, spans: WindowSpan[]): { data: Float32Array; length: number } {
  const lengths = spans.map((s) => Math.round((s.end - s.start) * TAGGER_SAMPLE_RATE));
  const length = Math.max(MIN_INPUT_SAMPLES, ...lengths);
  const data = new Float32Array(spans.length * length);
  spans.forEach((span, row) => {
    const first = Math.round(span.start * TAGGER_SAMPLE_RATE);
    data.set(samples.subarray(first, Math.min(samples.length, first + length)), row * length);
  });
  return { data, length };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
