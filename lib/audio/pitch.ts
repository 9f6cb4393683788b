/**
 * Pitch by YIN (de Cheveigné & Kawahara, 2002) on 20 ms hops.
 *
 * For each frame, the cumulative-mean-normalised difference d'(τ) measures how unlike the signal is to
 * itself shifted by τ samples (0 = perfectly periodic). The period is the first τ whose d' dips below
 * YIN_THRESHOLD (then its local minimum, refined by a parabola); `confidence` = 1 − d'(τ), the share of the
 * frame's energy that is periodic. Noise has no dip (confidence ≲ 0.5); a sung note, a bell, voiced speech or
 * a car horn are near 1.
 *
 * Range: 60–2000 Hz (the span of voices and most instruments and horns). Higher whistles (many bird songs)
 * are outside it and read as unpitched: we say "no clear pitch", never a wrong one.
 */
export const PITCH_MIN_HZ = 60;
export const PITCH_MAX_HZ = 2000;
/** The YIN paper's threshold range is 0.1–0.2; 0.15 trades octave errors against missed soft notes. */
export const YIN_THRESHOLD = 0.15;
/** Frames quieter than this are not analysed (pitch of background hiss is meaningless). */
const PITCH_FLOOR_DB = -55;

export interface PitchFrame {
  /** Fundamental frequency in Hz, 0 when none was found. */
  hz: number;
  /** 1 − d'(τ) at the chosen period, in [0, 1]. */
  confidence: number;
}

/** YIN on one frame: `frame` must hold at least `window + tauMax` samples. */
export function yinFrame(frame: ArrayLike<number>, sampleRate: number, window: number): PitchFrame {
  const tauMin = Math.max(2, Math.floor(sampleRate / PITCH_MAX_HZ));
  const tauMax = Math.min(Math.ceil(sampleRate / PITCH_MIN_HZ), frame.length - window);
  if (tauMax <= tauMin + 1) return { hz: 0, confidence: 0 };

  const diff = new Float64Array(tauMax + 2);
  for (let tau = 1; tau <= tauMax + 1 && tau + window <= frame.length; tau++) {
    let sum = 0;
    for (let j = 0; j < window; j++) {
      const delta = frame[j] - frame[j + tau];
      sum += delta * delta;
    }
    diff[tau] = sum;
  }
  // Cumulative mean normalisation: d'(τ) = d(τ) · τ / Σ_{k ≤ τ} d(k).
  const cmnd = new Float64Array(diff.length);
  cmnd[0] = 1;
  let running = 0;
  for (let tau = 1; tau < diff.length; tau++) {
    running += diff[tau];
    cmnd[tau] = running > 0 ? (diff[tau] * tau) / running : 1;
  }

  let best = -1;
  for (let tau = tauMin; tau <= tauMax; tau++) {
    if (cmnd[tau] < YIN_THRESHOLD) {
      while (tau + 1 <= tauMax && cmnd[tau + 1] < cmnd[tau]) tau++;
      best = tau;
      break;
    }
  }
  if (best < 0) {
    // No dip below the threshold: report the global minimum's confidence (low), but no pitch.
    let minimum = 1;
    for (let tau = tauMin; tau <= tauMax; tau++) minimum = Math.min(minimum, cmnd[tau]);
    return { hz: 0, confidence: Math.max(0, 1 - minimum) };
  }
  // Parabolic interpolation around the minimum for sub-sample precision (matters above ~500 Hz, where one
  // sample of period is several percent of pitch).
  const a = cmnd[best - 1];
  const b = cmnd[best];
  const c = cmnd[best + 1];
  const denominator = a - 2 * b + c;
  const shift = denominator > 0 ? (0.5 * (a - c)) / denominator : 0;
  const period = best + Math.max(-0.5, Math.min(0.5, shift));
  return { hz: sampleRate / period, confidence: Math.max(0, Math.min(1, 1 - b)) };
}

/** Analysis window: 20 ms, about 1.2 periods of the lowest pitch. */
export const PITCH_WINDOW_SECONDS = 0.02;
/** Hop: 20 ms, twice the feature grid's (pitch changes slower than levels, and YIN is the costly part). */
export const PITCH_HOP_SECONDS = 0.02;

/** Pitch track over a whole clip; frame i starts at i·PITCH_HOP_SECONDS. */
export function pitchTrack(samples: Float32Array, sampleRate: number): PitchFrame[] {
  const window = Math.round(PITCH_WINDOW_SECONDS * sampleRate);
  const hop = Math.round(PITCH_HOP_SECONDS * sampleRate);
  const span = window + Math.ceil(sampleRate / PITCH_MIN_HZ) + 2;
  const track: PitchFrame[] = [];
  const floor = 10 ** (PITCH_FLOOR_DB / 20);
  for (let start = 0; start < samples.length; start += hop) {
    const frame = samples.subarray(start, Math.min(samples.length, start + span));
    let energy = 0;
    for (let i = 0; i < Math.min(frame.length, window); i++) energy += frame[i] * frame[i];
    const rms = Math.sqrt(energy / Math.max(1, Math.min(frame.length, window)));
    track.push(rms < floor || frame.length < span ? { hz: 0, confidence: 0 } : yinFrame(frame, sampleRate, window));
  }
  return track;
}
