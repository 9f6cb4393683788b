/**
 * Impulsive sounds (clicks, knocks, claps, slams, barks, plosives) by energy novelty on a 5 ms envelope.
 *
 * A sound is impulsive when
 *  - its level jumps by at least RISE_DB above the quietest point of the BASELINE_MS before it, within
 *    ATTACK_MS (sharp attack), to at least MIN_PEAK_DB (audible), and
 *  - it falls back by DECAY_DB from its peak, or to within SETTLE_DB of the baseline, within MAX_LENGTH_MS
 *    (short). A rise that lasts longer is the start of a sustained sound (a note, a word, an engine), not an
 *    impulse.
 * Times are refined to the 5 ms block where the level first crosses halfway (−6 dB) to the peak.
 */
import { rmsAmplitude, toDb } from './levels';

export const BLOCK_MS = 5;
export const BASELINE_MS = 50;
export const ATTACK_MS = 20;
export const RISE_DB = 15;
export const MIN_PEAK_DB = -40;
export const DECAY_DB = 20;
export const SETTLE_DB = 6;
export const MAX_LENGTH_MS = 250;

export interface Impulse {
  /** Seconds. */
  start: number;
  end: number;
  /** Peak level of the 5 ms envelope in dBFS. */
  peakDb: number;
}

export function blockEnvelopeDb(samples: Float32Array, sampleRate: number): Float32Array {
  const block = Math.round((BLOCK_MS / 1000) * sampleRate);
  const count = Math.ceil(samples.length / block);
  const envelope = new Float32Array(count);
  for (let b = 0; b < count; b++) {
    envelope[b] = toDb(rmsAmplitude(samples, b * block, Math.min(samples.length, (b + 1) * block)));
  }
  return envelope;
}

export function detectImpulses(samples: Float32Array, sampleRate: number): Impulse[] {
  const envelope = blockEnvelopeDb(samples, sampleRate);
  const blocks = (ms: number) => Math.round(ms / BLOCK_MS);
  const blockSeconds = BLOCK_MS / 1000;
  const impulses: Impulse[] = [];

  let b = 1;
  while (b < envelope.length) {
    let baseline = Infinity;
    for (let k = Math.max(0, b - blocks(BASELINE_MS)); k < b; k++) baseline = Math.min(baseline, envelope[k]);

    // Peak within the attack window.
    let peakIndex = b;
    for (let k = b; k < Math.min(envelope.length, b + blocks(ATTACK_MS)); k++) {
      if (envelope[k] > envelope[peakIndex]) peakIndex = k;
    }
    const peak = envelope[peakIndex];
    if (peak - baseline < RISE_DB || peak < MIN_PEAK_DB || envelope[b] - baseline < RISE_DB / 2) {
      b++;
      continue;
    }
    // Onset: first block from b that reaches halfway (−6 dB) to the peak.
    let onset = b;
    while (onset < peakIndex && envelope[onset] < peak - 6) onset++;

    const settleLevel = Math.max(peak - DECAY_DB, baseline + SETTLE_DB);
    let end = peakIndex + 1;
    while (end < envelope.length && envelope[end] > settleLevel) end++;
    const lengthMs = (end - onset) * BLOCK_MS;
    if (lengthMs <= MAX_LENGTH_MS) {
      impulses.push({
        start: round(onset * blockSeconds),
        end: round(Math.min(end * blockSeconds, samples.length / sampleRate)),
        peakDb: Math.round(peak * 10) / 10,
      });
    }
    // Either way, the next impulse can only start once this sound has settled.
    b = Math.max(end, peakIndex + 1);
  }
  return impulses;
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
