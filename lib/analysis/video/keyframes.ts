/**
 * Which frames of a clip get analysed. ffmpeg's select filter passes the first frame, every scene change
 * (scene score > SCENE_CUT) and a frame whenever `interval` seconds have gone by without one, in one decode;
 * chooseKeyframes then keeps at most `cap` of them: the first, the sharpest cuts, and interval frames spread
 * over the longest stretches still uncovered. Pure functions, so the choice is unit-tested without ffmpeg.
 */
import type { Keyframe } from '../../shared/video';

/** ffmpeg's scene score above which two frames count as different shots (0.3 is its documented usual value). */
export const SCENE_CUT = 0.3;
/** Long side frames are analysed at: the detector and SAM resize to ≤ 1024 anyway, and it bounds memory. */
export const KEYFRAME_MAX_SIDE = 960;

export interface Candidate {
  timeSec: number;
  sceneScore: number;
}

export interface ChosenFrame extends Candidate {
  /** Position among the candidates (the order ffmpeg wrote them). */
  candidate: number;
  reason: Keyframe['reason'];
}

/** Seconds between forced keyframes: every 2 s on short clips, spread so a long clip stays near the cap. */
export function keyframeInterval(analysedSec: number, cap: number): number {
  return Math.max(2, analysedSec / Math.max(1, cap - 2));
}

/** The size frames are scaled to: long side ≤ maxSide, both sides even (what the encoders and SAM expect). */
export function keyframeSize(
  width: number,
  height: number,
  maxSide = KEYFRAME_MAX_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}

/** Reads the select filter's passed frames from `metadata=print` lines: their time and scene score. */
export function parseSelectedFrames(stderr: string): Candidate[] {
  const frames: Candidate[] = [];
  for (const line of stderr.split('\n')) {
    const time = /frame:\d+\s+pts:-?\d+\s+pts_time:(-?[\d.]+)/.exec(line);
    if (time) frames.push({ timeSec: Math.max(0, Number(time[1])), sceneScore: 0 });
    const score = /lavfi\.scene_score=([\d.]+)/.exec(line);
    if (score && frames.length) frames[frames.length - 1].sceneScore = Number(score[1]);
  }
  return frames;
}

export function chooseKeyframes(candidates: readonly Candidate[], cap: number): ChosenFrame[] {
  if (!candidates.length || cap < 1) return [];
  const all: ChosenFrame[] = candidates.map((c, i) => ({
    ...c,
    candidate: i,
    reason: i === 0 ? 'first' : c.sceneScore > SCENE_CUT ? 'scene-change' : 'interval',
  }));
  if (all.length <= cap) return all;
  const chosen = [all[0]];
  const cuts = all.filter((f) => f.reason === 'scene-change').sort((a, b) => b.sceneScore - a.sceneScore);
  chosen.push(...cuts.slice(0, cap - 1));
  let rest = all.filter((f) => f.reason === 'interval');
  while (chosen.length < cap && rest.length) {
    // The interval frame farthest from every chosen one fills the longest stretch without a keyframe.
    const gap = (f: ChosenFrame) => Math.min(...chosen.map((c) => Math.abs(c.timeSec - f.timeSec)));
    const best = rest.reduce((a, b) => (gap(b) > gap(a) ? b : a));
    chosen.push(best);
    rest = rest.filter((f) => f !== best);
  }
  return chosen.sort((a, b) => a.timeSec - b.timeSec);
}
