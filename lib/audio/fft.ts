/**
 * A small in-place radix-2 FFT and a Hann-windowed magnitude spectrum helper. No FFT package is installed and
 * the spectral features only need 512-point transforms, so a textbook iterative Cooley–Tukey is plenty
 * (≈ 3,000 frames a minute of audio).
 */

/** In-place complex FFT of length n (a power of two). `re` and `im` are overwritten with the spectrum. */
export function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (n !== im.length || n === 0 || (n & (n - 1)) !== 0) {
    throw new RangeError(`FFT length must be a power of two, got ${n}`);
  }
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const angle = (-2 * Math.PI) / size;
    const wRe = Math.cos(angle);
    const wIm = Math.sin(angle);
    for (let start = 0; start < n; start += size) {
      let curRe = 1;
      let curIm = 0;
      for (let k = 0; k < half; k++) {
        const a = start + k;
        const b = a + half;
        const tRe = re[b] * curRe - im[b] * curIm;
        const tIm = re[b] * curIm + im[b] * curRe;
        re[b] = re[a] - tRe;
        im[b] = im[a] - tIm;
        re[a] += tRe;
        im[a] += tIm;
        const nextRe = curRe * wRe - curIm * wIm;
        curIm = curRe * wIm + curIm * wRe;
        curRe = nextRe;
      }
    }
  }
}

export function hannWindow(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
  return w;
}

/**
 * Magnitude spectrum (bins 0..n/2) of `frame` multiplied by `window`. Reuses the caller's scratch buffers so
 * that a loop over thousands of frames allocates nothing.
 */
export function magnitudeSpectrum(
  frame: ArrayLike<number>,
  window: Float64Array,
  scratchRe: Float64Array,
  scratchIm: Float64Array,
  out: Float64Array,
): Float64Array {
  const n = window.length;
  for (let i = 0; i < n; i++) {
    scratchRe[i] = (i < frame.length ? frame[i] : 0) * window[i];
    scratchIm[i] = 0;
  }
  fftInPlace(scratchRe, scratchIm);
  for (let k = 0; k <= n / 2; k++) out[k] = Math.hypot(scratchRe[k], scratchIm[k]);
  return out;
}
