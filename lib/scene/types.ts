/** Types the pipeline stages pass between each other (server only). */
import type { Entity, Mask, Tag, WordResult } from '../shared/analysis';
import type { AudioSummary } from '../shared/audio';
import type { DecodedImage } from '../image/types';
import type { TextRegion } from '../models/ppocr';
import type { SceneGraph } from './graph/types';
import type { SceneVideo } from './video';

/** An entity with its mask once segmentation has run. */
export interface SceneEntity extends Entity {
  mask?: Mask;
}

/** Everything the analysis found in one image and/or sound; kept in the result store for questions. */
export interface Scene {
  resultId: string;
  /**
   * Absent when only a sound was analysed. Stages see the full decoded pixels; the stored scene keeps a copy
   * at most 1024 px on its long side (lib/image/downscale.ts) and the original size in `imageSize`.
   */
  image?: DecodedImage;
  /** The uploaded image's size: boxes, masks and text boxes are in these pixels, whatever `image` holds. */
  imageSize?: { width: number; height: number };
  tags: Tag[];
  entities: SceneEntity[];
  audio?: AudioSummary;
  /** The analysed clip, 16 kHz mono, for endpoints whose model takes audio input. */
  audioSamples?: Float32Array;
  /** Text read in the image, once a question asked about it (see scene-text.ts). */
  texts?: TextRegion[];
  /** Entities the sound is tied to (see sound-source.ts). */
  soundSourceIds: string[];
  /** Find by word: the last words asked and what they matched (stages/find.ts, POST /api/results/<id>/find). */
  finds?: WordResult[];
  /** What questions read: colours, places, counts and relations, built once (stages/scene-graph.ts). */
  graph?: SceneGraph;
  /** Videos: keyframes, tracks and sound links; `image` and `entities` are then those of one keyframe. */
  video?: SceneVideo;
}
