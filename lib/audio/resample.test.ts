import { describe, expect, it } from 'vitest';
import { resample } from './resample';
import { rms, sine, zeroCrossingHz } from './test-signals';

describe('resample', () => {
  it('keeps a 1 kHz tone at 1 kHz and at its level going 44.1 → 16 kHz', () => {
    const out = resample(sine(1000, 1, 44100), 44100, 16000);
    expect(out.length).toBe(16000);
    const middle = out.subarray(1000, 15000); // away from the zero-padded edges
    expect(zeroCrossingHz(middle, 16000)).toBeCloseTo(1000, -1);
    expect(rms(middle)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('removes a 12 kHz tone instead of aliasing it to 4 kHz (anti-alias filter)', () => {
    const out = resample(sine(12000, 1, 44100), 44100, 16000);
    // Below −60 dB relative to the input's RMS.
    expect(rms(out, 1000, 15000)).toBeLessThan((0.5 / Math.SQRT2) * 1e-3);
  });

  it('handles 48 → 16 kHz (integer ratio) and 8 → 16 kHz (upsampling)', () => {
    const down = resample(sine(440, 1, 48000), 48000, 16000);
    expect(down.length).toBe(16000);
    expect(zeroCrossingHz(down.subarray(500, 15500), 16000)).toBeCloseTo(440, -1);
    const up = resample(sine(440, 1, 8000), 8000, 16000);
    expect(up.length).toBe(16000);
    expect(zeroCrossingHz(up.subarray(500, 15500), 16000)).toBeCloseTo(440, -1);
    expect(rms(up, 500, 15500)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('keeps DC at unit gain and returns a copy at equal rates', () => {
    const dc = new Float32Array(4410).fill(0.25);
    const out = resample(dc, 44100, 16000);
    expect(out[800]).toBeCloseTo(0.25, 4);
    const same = resample(dc, 16000, 16000);
    expect(same).not.toBe(dc);
    expect(Array.from(same)).toEqual(Array.from(dc));
  });

  it('uses the per-sample path for ratios with many phases and still keeps the pitch', () => {
    const out = resample(sine(1000, 0.5, 44099), 44099, 16000);
    expect(zeroCrossingHz(out.subarray(500, 7500), 16000)).toBeCloseTo(1000, -1);
  });
});
