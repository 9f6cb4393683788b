/** Small pure helpers for the video filmstrip and timeline (no React, so they are unit-tested). */
import type { Keyframe, Track } from '@/lib/shared/video';

/** The keyframe closest in time to `t` seconds (what was on screen then), or undefined with none yet. */
export function nearestKeyframe(keyframes: readonly Keyframe[], t: number): Keyframe | undefined {
  return keyframes.reduce<Keyframe | undefined>(
    (best, k) => (!best || Math.abs(k.timeSec - t) < Math.abs(best.timeSec - t) ? k : best),
    undefined,
  );
}

/** Left edge and width, in percent of the analysed length, of a stretch of time (clamped to the clip). */
export function spanPercent(start: number, end: number, duration: number): { left: string; width: string } {
  const clamp = (s: number) => (Math.min(Math.max(s, 0), duration) / Math.max(duration, 1e-6)) * 100;
  const left = clamp(start);
  // A track seen in one keyframe only still gets a visible sliver.
  return { left: `${left}%`, width: `${Math.max(clamp(end) - left, 1)}%` };
}

/** "dog, 4.0–7.2 s (3 keyframes)": a track as read aloud and shown on hover. */
export function trackText(track: Track): string {
  const n = track.keyframes.length;
  return `${track.label}, ${track.startSec.toFixed(1)}–${track.endSec.toFixed(1)} s (${n} keyframe${n > 1 ? 's' : ''})`;
}
