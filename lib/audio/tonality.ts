/**
 * Whole-clip tonality over the non-silent frames:
 *  - 'tonal' when at least TONAL_FRACTION (half) of them have a clear pitch (YIN): notes, horns, bells, hums,
 *    sustained vowels;
 *  - 'noisy' when at most NOISY_FRACTION (15 %) do and the spectrum is broad (median flatness ≥
 *    NOISY_FLATNESS): hiss, wind, rain, traffic rumble, applause;
 *  - 'mixed' otherwise: speech, music over noise, and unpitched sounds whose energy still sits in narrow
 *    bands (several simultaneous tones such as a two-tone horn, an engine's harmonics, a chord), which
 *    YIN cannot lock onto but which are not noise.
 * meanPitchHz is the median pitch of the pitched frames (robust to the odd octave error), given only when
 * at least 10 % of the frames are pitched.
 */
import type { AudioSummary } from '@/lib/shared/audio';
import type { FrameFeatures } from './frames';
import type { FrameClasses } from './frame-classes';
import { median } from './runs';

export const TONAL_FRACTION = 0.5;
export const NOISY_FRACTION = 0.15;
/** White noise measures ≈ 0.55, street ambience ≈ 0.15, a horn or engine ≈ 0.005. */
export const NOISY_FLATNESS = 0.05;
const MIN_PITCHED_FOR_PITCH = 0.1;

export function summariseTonality(features: FrameFeatures, classes: FrameClasses): AudioSummary['tonality'] {
  const centroids: number[] = [];
  const flatness: number[] = [];
  const pitches: number[] = [];
  let active = 0;
  for (let f = 0; f < features.count; f++) {
    if (classes.silent[f]) continue;
    active++;
    centroids.push(features.centroidHz[f]);
    if (Number.isFinite(features.flatness[f])) flatness.push(features.flatness[f]);
    if (classes.pitched[f]) pitches.push(classes.pitchHz[f]);
  }
  const pitchedFraction = active > 0 ? pitches.length / active : 0;
  const medianFlatness = median(flatness) || 0;
  const label =
    pitchedFraction >= TONAL_FRACTION
      ? 'tonal'
      : pitchedFraction <= NOISY_FRACTION && medianFlatness >= NOISY_FLATNESS
        ? 'noisy'
        : 'mixed';
  const pitch = median(pitches);
  return {
    label,
    ...(pitchedFraction >= MIN_PITCHED_FOR_PITCH && Number.isFinite(pitch)
      ? { meanPitchHz: Math.round(pitch * 10) / 10 }
      : {}),
    pitchedFraction: Math.round(pitchedFraction * 1000) / 1000,
    centroidHz: Math.round(median(centroids) || 0),
    flatness: Math.round(Math.min(1, Math.max(0, medianFlatness)) * 1000) / 1000,
    source: 'DSP: YIN pitch + spectral centroid/flatness',
  };
}
