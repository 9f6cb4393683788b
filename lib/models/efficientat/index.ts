/**
 * EfficientAT mn04_as (MIT): AudioSet sound-event tagger, 527 classes, mAP 0.432.
 * I/O (MODELS.md, checked on the file): `waveform` float32 [batch, samples] mono 32 kHz → `probs` [batch, 527]
 * (sigmoid, multi-label), `logits`, `embedding` [batch, 384]. Class i is row i of the AudioSet class CSV.
 */
import { getSession, ort } from '../session';
import { stackWindows, type WindowSpan } from './preprocess';

export { TAGGER_SAMPLE_RATE, toTaggerRate, windowSpans, type WindowSpan } from './preprocess';
export const EFFICIENTAT_ID = 'efficientat-mn04-as';
export const AUDIOSET_CLASS_COUNT = 527;

/** Class probabilities for each span of a 32 kHz clip (spans of equal length), one batched run. */
export async function tagSpans(samples: Float32Array, spans: WindowSpan[]): Promise<Float32Array[]> {
  if (spans.length === 0) return [];
  // The export declares `probs` as [batch, 527] but returns [1, batch, 527] (same memory layout): ORT warns on
  // every run, so this session logs errors only.
  const session = await getSession(EFFICIENTAT_ID, { logSeverityLevel: 3 });
  const { data, length } = stackWindows(samples, spans);
  const waveform = new ort.Tensor('float32', data, [spans.length, length]);
  // Ask for `probs` only: the embedding and logits are not used here.
  const result = await session.run({ waveform }, ['probs']);
  const probs = result.probs.data as Float32Array;
  return spans.map((_, row) => probs.slice(row * AUDIOSET_CLASS_COUNT, (row + 1) * AUDIOSET_CLASS_COUNT));
}
