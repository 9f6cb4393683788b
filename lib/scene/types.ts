/** Types the pipeline stages pass between each other (server only). */
import type { Box, Entity, Mask, NamedLabel, Tag } from '../shared/analysis';
import type { AudioSummary } from '../shared/audio';
import type { TextRegion } from '../models/ppocr';
import type { SceneGraph } from './graph/types';

/** A decoded, validated image: 8-bit RGB, row-major, 3 bytes a pixel. */
export interface DecodedImage {
  width: number;
  height: number;
  rgb: Uint8Array;
  /** sha256 of the uploaded bytes: the key for caches and results. */
  hash: string;
}

/** One box from a detector, in image pixels. */
export interface Detection {
  label: string;
  score: number;
  box: Box;
  source: string;
  /** Other classes the detector gave the same object (see duplicates.ts). */
  alternatives?: NamedLabel[];
}

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
  /** What questions read: colours, places, counts and relations, built once (stages/scene-graph.ts). */
  graph?: SceneGraph;
}
