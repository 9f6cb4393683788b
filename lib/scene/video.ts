/** What a video result keeps on its Scene for questions about time (server only; stored as JSON). */
import type { Box, EntityKind } from '../shared/analysis';
import type { Keyframe, Track, VideoInfo } from '../shared/video';

export interface SceneKeyframe extends Omit<Keyframe, 'url'> {
  entities: { id: string; label: string; score: number | null; box: Box; kind: EntityKind }[];
}

/** A named sound event tied to what was in view when it was heard (the keyframe nearest its middle). */
export interface SoundLink {
  label: string;
  group: string;
  start: number;
  end: number;
  keyframe: number;
  entityIds: string[];
}

export interface SceneVideo {
  info: VideoInfo;
  keyframes: SceneKeyframe[];
  tracks: Track[];
  soundLinks: SoundLink[];
  /** The keyframe whose entities, scene graph and picture stand for the clip in photo questions and exports. */
  sceneKeyframe: number;
}
