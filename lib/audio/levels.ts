/**
 * Level measurements in dBFS (decibels relative to a full-scale sine-free peak of 1.0) and the compact
 * waveform the UI draws when the original file is not at hand.
 */

/** dB value reported for digital silence instead of −∞ (which JSON cannot carry). */
export const DB_FLOOR = -120;
/** A sample at or above this magnitude is at full scale. */
export const CLIP_LEVEL = 0.999;
/**
 * Clipping = at least this many consecutive full-scale samples. One full-scale sample is just a loud peak;
 * a flat run of them is the waveform being cut off by the converter or the encoder.
 */
export const CLIP_RUN = 3;

export function toDb(amplitude: number): number {
  return amplitude > 0 ? Math.max(DB_FLOOR, 20 * Math.log10(amplitude)) : DB_FLOOR;
}

export function peakAmplitude(samples: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i]));
  return peak;
}

export function rmsAmplitude(samples: ArrayLike<number>, start = 0, end = samples.length): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / (end - start));
}

/**
 * Samples that belong to runs of ≥ CLIP_RUN consecutive full-scale samples. Must run on the decoded samples
 * at their original rate: resampling smooths the flat tops away.
 */
export function countClippedSamples(samples: ArrayLike<number>): number {
  let clipped = 0;
  let run = 0;
  for (let i = 0; i <= samples.length; i++) {
    if (i < samples.length && Math.abs(samples[i]) >= CLIP_LEVEL) {
      run++;
    } else {
      if (run >= CLIP_RUN) clipped += run;
      run = 0;
    }
  }
  return clipped;
}

/** Loudness classes of the active (non-silent) level, in dBFS RMS. */
export const QUIET_BELOW_DB = -35; // a distant or low-gain recording
export const LOUD_ABOVE_DB = -18; // a close, hot recording or mastered pop music (≈ −14 to −9 dBFS)

export type LoudnessLabel = 'quiet' | 'moderate' | 'loud';

export function loudnessLabel(activeRmsDb: number): LoudnessLabel {
  if (activeRmsDb < QUIET_BELOW_DB) return 'quiet';
  if (activeRmsDb > LOUD_ABOVE_DB) return 'loud';
  return 'moderate';
}

/**
 * At most `points` values in [0, 1]: the largest |sample| in each bucket, so a click stays visible however
 * far the waveform is zoomed out.
 */
export function waveformPeaks(samples: Float32Array, sampleRate: number, points = 1000) {
  const bucket = Math.max(1, Math.ceil(samples.length / points));
  const peaks: number[] = [];
  for (let i = 0; i < samples.length; i += bucket) {
    let max = 0;
    for (let j = i; j < Math.min(samples.length, i + bucket); j++) max = Math.max(max, Math.abs(samples[j]));
    peaks.push(Math.round(Math.min(1, max) * 1000) / 1000);
  }
  return { peaks, secondsPerPeak: bucket / sampleRate };
}
