import { describe, expect, it } from 'vitest';
import { WaveFile } from 'wavefile';
import { encodeWav16, mixDown } from './wav';

describe('encodeWav16', () => {
  it('writes a WAV that wavefile reads back with the same samples (±1 LSB)', () => {
    const left = Float32Array.from([0, 0.5, -0.5, 1, -1, 0.25]);
    const right = Float32Array.from([0.1, -0.1, 0.2, -0.2, 0.3, -0.3]);
    const bytes = encodeWav16([left, right], 22050);
    expect(bytes.length).toBe(44 + 6 * 2 * 2);
    const wav = new WaveFile(bytes);
    const fmt = wav.fmt as { numChannels: number; sampleRate: number; audioFormat: number };
    expect(fmt).toMatchObject({ numChannels: 2, sampleRate: 22050, audioFormat: 1 });
    expect(wav.bitDepth).toBe('16');
    const samples = wav.getSamples(true);
    for (let i = 0; i < left.length; i++) {
      expect(Math.abs(samples[2 * i] / 32768 - left[i])).toBeLessThanOrEqual(1 / 32768 + 1e-9);
      expect(Math.abs(samples[2 * i + 1] / 32768 - right[i])).toBeLessThanOrEqual(1 / 32768 + 1e-9);
    }
  });

  it('clamps out-of-range and NaN samples instead of wrapping around', () => {
    const bytes = encodeWav16([Float32Array.from([2, -2, NaN])], 16000);
    const view = new DataView(bytes.buffer);
    expect(view.getInt16(44, true)).toBe(32767);
    expect(view.getInt16(46, true)).toBe(-32768);
    expect(view.getInt16(48, true)).toBe(0);
  });

  it('rejects no channels and bad rates', () => {
    expect(() => encodeWav16([], 16000)).toThrow(RangeError);
    expect(() => encodeWav16([new Float32Array(1)], 0)).toThrow(RangeError);
  });
});

describe('mixDown', () => {
  it('averages channels', () => {
    expect(Array.from(mixDown([Float32Array.from([1, 0]), Float32Array.from([0, 0.5])]))).toEqual([0.5, 0.25]);
  });
});
