/**
 * Band-limited resampling by windowed-sinc interpolation (Blackman window).
 *
 * Why not linear interpolation: going from 44.1 kHz to 16 kHz, everything between 8 kHz and 22 kHz would fold
 * back below 8 kHz (a 12 kHz whistle would turn into a 4 kHz one) and corrupt pitch, centroid and the VAD.
 * Each output sample is a sum of input samples weighted by a low-pass sinc kernel:
 *  - cutoff = CUTOFF_FRACTION × min(input, output) Nyquist, so the transition band ends before Nyquist;
 *  - the kernel spans ZERO_CROSSINGS sinc lobes each side, tapered by a Blackman window
 *    (≈ 74 dB stop-band attenuation, which is far below what 16-bit sources or our features care about).
 * When the rate ratio reduces to a small fraction (44100→16000 = 441/160, 48000→16000 = 3/1) the kernel only
 * takes a few distinct fractional phases, so the taps are computed once per phase (a polyphase table).
 */

/** Cutoff as a fraction of the lower Nyquist frequency: 0.9 → 7.2 kHz when the output is 16 kHz. */
const CUTOFF_FRACTION = 0.9;
/** Sinc lobes on each side of the centre: longer = sharper transition band, slower. */
const ZERO_CROSSINGS = 16;
/** Above this many distinct phases the taps are computed per output sample instead of tabulated. */
const MAX_TABULATED_PHASES = 4096;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function blackman(x: number): number {
  // x in [-1, 1], 1 at the centre, 0 at the edges.
  const t = (x + 1) / 2;
  return 0.42 - 0.5 * Math.cos(2 * Math.PI * t) + 0.08 * Math.cos(4 * Math.PI * t);
}

/**
 * Fills `taps` for an output sample whose ideal input position lies `frac` (0 ≤ frac < 1) past input index
 * `first + halfWidth - 1`. `step` is the kernel's argument per input sample (cutoff / input rate × 2).
 */
function fillTaps(taps: Float64Array, frac: number, halfWidth: number, step: number): void {
  let sum = 0;
  for (let k = 0; k < taps.length; k++) {
    const distance = k - (halfWidth - 1) - frac; // input sample position relative to the output instant
    const x = distance * step; // in sinc lobes
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const w = Math.abs(x) >= ZERO_CROSSINGS ? 0 : blackman(x / ZERO_CROSSINGS);
    taps[k] = sinc * w;
    sum += taps[k];
  }
  // Normalise to unit DC gain so a constant signal keeps its level regardless of phase.
  if (sum !== 0) for (let k = 0; k < taps.length; k++) taps[k] /= sum;
}

/** Resamples a mono signal from `fromRate` to `toRate` Hz. Samples outside the input count as zero. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0 && toRate > 0)) throw new RangeError(`Invalid sample rates ${fromRate} → ${toRate}`);
  if (fromRate === toRate) return input.slice();
  const outLength = Math.floor((input.length * toRate) / fromRate);
  const out = new Float32Array(outLength);
  if (outLength === 0) return out;

  const cutoffHz = (CUTOFF_FRACTION * Math.min(fromRate, toRate)) / 2;
  const step = (2 * cutoffHz) / fromRate; // sinc lobes per input sample
  const halfWidth = Math.ceil(ZERO_CROSSINGS / step);
  const tapCount = 2 * halfWidth;

  const divisor = gcd(fromRate, toRate);
  const up = toRate / divisor; // output n sits at input position n·down/up
  const down = fromRate / divisor;
  const tabulate = Number.isInteger(up) && Number.isInteger(down) && up <= MAX_TABULATED_PHASES;

  let table: Float64Array[] | null = null;
  if (tabulate) {
    table = [];
    for (let phase = 0; phase < up; phase++) {
      const taps = new Float64Array(tapCount);
      fillTaps(taps, phase / up, halfWidth, step);
      table.push(taps);
    }
  }
  const scratch = new Float64Array(tapCount);

  for (let n = 0; n < outLength; n++) {
    let base: number;
    let taps: Float64Array;
    if (table) {
      const position = n * down; // in units of 1/up input samples
      base = Math.floor(position / up);
      taps = table[position - base * up];
    } else {
      const position = (n * fromRate) / toRate;
      base = Math.floor(position);
      fillTaps(scratch, position - base, halfWidth, step);
      taps = scratch;
    }
    const first = base - (halfWidth - 1);
    let acc = 0;
    const kStart = Math.max(0, -first);
    const kEnd = Math.min(tapCount, input.length - first);
    for (let k = kStart; k < kEnd; k++) acc += input[first + k] * taps[k];
    out[n] = acc;
  }
  return out;
}
