/**
 * Per-window speech probabilities → speech segments, following silero-vad's own `get_speech_timestamps`:
 *  - a segment starts at the first window with probability ≥ START_THRESHOLD (0.5, the model authors' default);
 *  - it ends only when probability stays below END_THRESHOLD (0.35 = start − 0.15) for MIN_SILENCE_MS; the gap
 *    between the two thresholds (hysteresis) keeps one word with a soft syllable from splitting in two;
 *  - segments shorter than MIN_SPEECH_MS (a cough, a click) are dropped;
 *  - each segment is padded by PAD_MS on both sides (never past its neighbours or the clip) so word edges,
 *    which score low, are kept.
 */
import { VAD_SAMPLE_RATE, VAD_WINDOW } from './preprocess';

export interface SpeechSegment {
  /** Seconds from the start of the clip. */
  start: number;
  end: number;
}

export interface SegmentOptions {
  startThreshold: number;
  endThreshold: number;
  minSpeechMs: number;
  minSilenceMs: number;
  padMs: number;
}

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = {
  startThreshold: 0.5,
  endThreshold: 0.35,
  minSpeechMs: 250,
  minSilenceMs: 100,
  padMs: 30,
};

/**
 * @param probabilities one per VAD_WINDOW-sample window
 * @param totalSamples length of the clip at 16 kHz (the last window may be padded past it)
 */
export function speechSegments(
  probabilities: ArrayLike<number>,
  totalSamples: number,
  options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS,
): SpeechSegment[] {
  const rate = VAD_SAMPLE_RATE;
  const minSpeech = (options.minSpeechMs / 1000) * rate;
  const minSilence = (options.minSilenceMs / 1000) * rate;
  const pad = (options.padMs / 1000) * rate;

  const found: { start: number; end: number }[] = [];
  let inSpeech = false;
  let start = 0;
  let silenceStart: number | null = null; // first sample of the current low-probability run

  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    const at = i * VAD_WINDOW;
    if (p >= options.startThreshold) {
      silenceStart = null;
      if (!inSpeech) {
        inSpeech = true;
        start = at;
      }
    } else if (inSpeech && p < options.endThreshold) {
      silenceStart ??= at;
      if (at - silenceStart >= minSilence) {
        if (silenceStart - start >= minSpeech) found.push({ start, end: silenceStart });
        inSpeech = false;
        silenceStart = null;
      }
    }
  }
  if (inSpeech) {
    // Speech running to the end of the clip (a trailing short dip does not end it).
    const end = totalSamples;
    if (end - start >= minSpeech) found.push({ start, end });
  }

  return found.map((segment, k) => {
    const previousEnd = k === 0 ? 0 : found[k - 1].end;
    const nextStart = k === found.length - 1 ? totalSamples : found[k + 1].start;
    const padded = {
      start: Math.max(0, previousEnd, segment.start - pad),
      end: Math.min(totalSamples, nextStart, segment.end + pad),
    };
    return { start: round(padded.start / rate), end: round(padded.end / rate) };
  });
}

/** Millisecond resolution: finer is meaningless for 32 ms windows and clutters the wire. */
function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * At most `maxPoints` values for a UI curve: each output is the maximum over its bucket of windows, so
 * a short burst of speech is not averaged away. Returns the seconds each value spans.
 */
export function downsampleProbabilities(
  probabilities: ArrayLike<number>,
  maxPoints: number,
): { values: number[]; secondsPerValue: number } {
  const windowSeconds = VAD_WINDOW / VAD_SAMPLE_RATE;
  const bucket = Math.max(1, Math.ceil(probabilities.length / maxPoints));
  const values: number[] = [];
  for (let i = 0; i < probabilities.length; i += bucket) {
    let max = 0;
    for (let j = i; j < Math.min(probabilities.length, i + bucket); j++) max = Math.max(max, probabilities[j]);
    values.push(Math.round(max * 1000) / 1000);
  }
  return { values, secondsPerValue: bucket * windowSeconds };
}
