/** Synthetic signals for the audio tests (kept out of the *.test.ts files so several suites share them). */
import path from 'node:path';

export const SAMPLES_DIR = path.resolve(process.cwd(), '..', 'shared', 'samples', 'audio');
export const FIXTURES_DIR = path.resolve(process.cwd(), 'tests', 'fixtures', 'audio');

export function sine(hz: number, seconds: number, sampleRate: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/** Deterministic white noise (a linear congruential generator), uniform in [-amplitude, amplitude]. */
export function whiteNoise(seconds: number, sampleRate: number, amplitude = 0.3, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  let state = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = amplitude * (state / 2 ** 31 - 1);
  }
  return out;
}

/** Silence with 5 ms noise bursts ("clicks") starting at the given times. */
export function clicks(times: number[], seconds: number, sampleRate: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const burst = whiteNoise(0.005, sampleRate, 0.8, 7);
  for (const t of times) out.set(burst, Math.round(t * sampleRate));
  return out;
}

/** Frequency of the strongest zero-crossing rate: for a clean tone, its frequency. */
export function zeroCrossingHz(samples: Float32Array, sampleRate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1] < 0 !== samples[i] < 0) crossings++;
  return crossings / 2 / (samples.length / sampleRate);
}

export function rms(samples: Float32Array, start = 0, end = samples.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / Math.max(1, end - start));
}
