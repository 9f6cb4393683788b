import { describe, expect, it } from 'vitest';
import { fftInPlace, hannWindow, magnitudeSpectrum } from './fft';

describe('fftInPlace', () => {
  it('matches a direct DFT on arbitrary input', () => {
    const n = 64;
    const input = Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 5) * 0.1);
    const re = Float64Array.from(input);
    const im = new Float64Array(n);
    fftInPlace(re, im);
    for (let k = 0; k < n; k++) {
      let dftRe = 0;
      let dftIm = 0;
      for (let t = 0; t < n; t++) {
        dftRe += input[t] * Math.cos((-2 * Math.PI * k * t) / n);
        dftIm += input[t] * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(dftRe, 9);
      expect(im[k]).toBeCloseTo(dftIm, 9);
    }
  });

  it('rejects lengths that are not powers of two', () => {
    expect(() => fftInPlace(new Float64Array(12), new Float64Array(12))).toThrow(RangeError);
  });

  it('puts a bin-centred tone in its bin', () => {
    const n = 512;
    const frame = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 40 * i) / n));
    const spectrum = magnitudeSpectrum(
      frame,
      hannWindow(n),
      new Float64Array(n),
      new Float64Array(n),
      new Float64Array(n / 2 + 1),
    );
    const peak = spectrum.indexOf(Math.max(...spectrum));
    expect(peak).toBe(40);
  });
});
