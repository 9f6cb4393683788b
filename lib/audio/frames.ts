/**
 * Short-time features on a 10 ms grid, the resolution events are reported at.
 *
 * Frame i covers samples [i·HOP, i·HOP + FRAME) of 16 kHz audio: 32 ms windows (512 samples, a power of two
 * for the FFT; long enough to resolve 31 Hz bins, short enough for a click to stand out) every 10 ms.
 */
import { hannWindow, magnitudeSpectrum } from './fft';
import { rmsAmplitude, toDb } from './levels';

export const FRAME = 512;
export const HOP = 160;

export interface FrameFeatures {
  sampleRate: number;
  /** Number of frames; frame i starts at i·HOP / sampleRate seconds. */
  count: number;
  /** RMS level of each frame in dBFS (floored at −120). */
  rmsDb: Float32Array;
  /** Spectral centroid in Hz: the spectrum's centre of mass, a proxy for brightness. */
  centroidHz: Float32Array;
  /**
   * Spectral flatness (Wiener entropy): geometric / arithmetic mean of the power spectrum, 0 for a pure
   * tone, ≈ 0.5–0.6 for white noise through a Hann window. NaN for silent frames (undefined there).
   */
  flatness: Float32Array;
}

/**
 * Flatness is measured over 100 Hz – 7 kHz only: the resampler's anti-alias filter empties the bins above
 * 7.2 kHz, and near-empty bins would drag the geometric mean (and so the flatness of any sound) to zero.
 */
const FLATNESS_MIN_HZ = 100;
const FLATNESS_MAX_HZ = 7000;
/** Frames quieter than this have no meaningful spectrum shape: centroid 0, flatness NaN. */
const SPECTRUM_FLOOR_DB = -70;

export function frameTime(index: number, sampleRate: number): number {
  return (index * HOP) / sampleRate;
}

export function computeFrameFeatures(samples: Float32Array, sampleRate: number): FrameFeatures {
  const count = Math.max(1, Math.ceil(samples.length / HOP));
  const rmsDb = new Float32Array(count);
  const centroidHz = new Float32Array(count);
  const flatness = new Float32Array(count);

  const window = hannWindow(FRAME);
  const re = new Float64Array(FRAME);
  const im = new Float64Array(FRAME);
  const bins = FRAME / 2 + 1;
  const magnitude = new Float64Array(bins);
  const binHz = sampleRate / FRAME;

  for (let f = 0; f < count; f++) {
    const start = f * HOP;
    const frame = samples.subarray(start, Math.min(samples.length, start + FRAME));
    rmsDb[f] = toDb(rmsAmplitude(frame));
    magnitudeSpectrum(frame, window, re, im, magnitude);

    let powerSum = 0;
    let logPowerSum = 0;
    let weighted = 0;
    let magnitudeSum = 0;
    for (let k = 1; k < bins; k++) {
      // Bin 0 (DC) is skipped: a DC offset says nothing about the sound.
      weighted += k * binHz * magnitude[k];
      magnitudeSum += magnitude[k];
    }
    const firstFlatBin = Math.ceil(FLATNESS_MIN_HZ / binHz);
    const lastFlatBin = Math.min(bins - 1, Math.floor(FLATNESS_MAX_HZ / binHz));
    for (let k = firstFlatBin; k <= lastFlatBin; k++) {
      const power = magnitude[k] * magnitude[k] + 1e-20;
      powerSum += power;
      logPowerSum += Math.log(power);
    }
    const flatBins = lastFlatBin - firstFlatBin + 1;
    const audible = rmsDb[f] > SPECTRUM_FLOOR_DB;
    centroidHz[f] = audible && magnitudeSum > 0 ? weighted / magnitudeSum : 0;
    flatness[f] = audible ? Math.exp(logPowerSum / flatBins) / (powerSum / flatBins) : NaN;
  }
  return { sampleRate, count, rmsDb, centroidHz, flatness };
}
