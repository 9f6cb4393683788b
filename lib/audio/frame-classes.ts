/**
 * Per-frame decisions on the 10 ms grid: silent, pitched (tonal), unpitched (noisy). Thresholds:
 *  - SILENCE_DB −50 dBFS: below a quiet room through a typical mic at normal gain;
 *  - RELATIVE_SILENCE_DB 35: also silent when 35 dB under the clip's loud parts (95th percentile), so the
 *    pauses of a recording with a noise floor still count as pauses;
 *  - PITCHED_CONFIDENCE 0.8: YIN confidence above which a frame has a clear pitch;
 *  - UNPITCHED_CONFIDENCE 0.6: below it, a non-silent frame is noise-like; frames in between are ambiguous
 *    and belong to neither class.
 */
import type { FrameFeatures } from './frames';
import { HOP } from './frames';
import type { PitchFrame } from './pitch';
import { PITCH_HOP_SECONDS } from './pitch';
import { percentile } from './runs';

export const SILENCE_DB = -50;
export const RELATIVE_SILENCE_DB = 35;
export const PITCHED_CONFIDENCE = 0.8;
export const UNPITCHED_CONFIDENCE = 0.6;

export interface FrameClasses {
  silent: boolean[];
  pitched: boolean[];
  unpitched: boolean[];
  /** Pitch in Hz per frame (0 when not pitched). */
  pitchHz: number[];
  /** True when no frame is above SILENCE_DB (absolute): the whole clip is silent. */
  allSilent: boolean;
}

export function classifyFrames(features: FrameFeatures, pitch: PitchFrame[]): FrameClasses {
  const loudParts = percentile(features.rmsDb, 0.95);
  const threshold = Math.max(SILENCE_DB, loudParts - RELATIVE_SILENCE_DB);
  const frameSeconds = HOP / features.sampleRate;
  const silent: boolean[] = [];
  const pitched: boolean[] = [];
  const unpitched: boolean[] = [];
  const pitchHz: number[] = [];
  let allSilent = true;
  for (let f = 0; f < features.count; f++) {
    if (features.rmsDb[f] >= SILENCE_DB) allSilent = false;
    const isSilent = features.rmsDb[f] < threshold;
    // The pitch frame that covers this frame's start (pitch runs on a coarser hop).
    const p = pitch[Math.min(pitch.length - 1, Math.floor((f * frameSeconds) / PITCH_HOP_SECONDS))];
    const confidence = p?.confidence ?? 0;
    const hasPitch = !isSilent && !!p && p.hz > 0 && confidence >= PITCHED_CONFIDENCE;
    silent.push(isSilent);
    pitched.push(hasPitch);
    unpitched.push(!isSilent && confidence < UNPITCHED_CONFIDENCE);
    pitchHz.push(hasPitch ? p.hz : 0);
  }
  return { silent, pitched, unpitched, pitchHz, allSilent };
}
