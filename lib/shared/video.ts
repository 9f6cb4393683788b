/**
 * Wire schema of a video analysis (server → client, and stored with a result): what the clip is, each
 * keyframe as it is analysed (its picture travels inline so a stored result replays without extra files),
 * and the tracks that follow one object through the keyframes.
 */
import { z } from 'zod';

/** Limits of a video upload, said in the README and in the UI. */
export const VIDEO_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  analysedSeconds: 60,
  maxKeyframes: 12,
  maxFramePixels: 36_000_000,
} as const;

export const VideoInfoSchema = z.object({
  /** Whole clip, seconds, as the container states it. */
  durationSec: z.number().nonnegative(),
  /** Seconds analysed from the start (≤ VIDEO_LIMITS.analysedSeconds). */
  analysedSec: z.number().nonnegative(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  codec: z.string(),
  hasAudio: z.boolean(),
  /** Plain sentences on what was skipped ("Only the first 60 s of 2 h 0 min were analysed."). */
  notes: z.array(z.string()),
});
export type VideoInfo = z.infer<typeof VideoInfoSchema>;

export const KeyframeSchema = z.object({
  index: z.number().int().nonnegative(),
  timeSec: z.number().nonnegative(),
  /** Size the keyframe was analysed at (boxes and masks are in these pixels). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Why it was chosen: the clip's first frame, a scene change, or the longest stretch without one. */
  reason: z.enum(['first', 'scene-change', 'interval']),
  /** JPEG data URL of the frame. */
  url: z.string().startsWith('data:image/jpeg;base64,'),
});
export type Keyframe = z.infer<typeof KeyframeSchema>;

export const TrackSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** One entity per keyframe it was seen in, in time order. */
  entityIds: z.array(z.string()).min(1),
  keyframes: z.array(z.number().int().nonnegative()).min(1),
  /** First keyframe it is seen in … last one (the clip's analysed end when that is the last keyframe). */
  startSec: z.number().nonnegative(),
  endSec: z.number().nonnegative(),
});
export type Track = z.infer<typeof TrackSchema>;

export const VideoEventSchemas = [
  z.object({ type: z.literal('video'), video: VideoInfoSchema }),
  z.object({ type: z.literal('keyframe'), keyframe: KeyframeSchema }),
  z.object({ type: z.literal('track'), track: TrackSchema }),
] as const;
