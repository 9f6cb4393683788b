/** Inputs shared by the built-in answerer and the endpoint client. */
import type { Box, Tag } from '@/lib/shared/analysis';
import type { SoundEvent } from '@/lib/shared/audio';
import type { SceneGraph } from '../scene/graph/types';
import type { VideoQuestionInput } from './video';

/** What the audio analysis found, reduced to what the endpoint prompt needs. */
export interface SoundSummaryInput {
  description: string;
  keywords: string[];
  /** The plain-language summary and the named events with times (AudioSummary's fields of those names). */
  plainSummary?: string;
  soundEvents?: SoundEvent[];
}

/** A line of text read in the image (OCR), in image pixels. */
export interface TextInput {
  text: string;
  box: Box;
  confidence: number;
}

/** What answering reads: the result's scene graph (never pixels), the user's threshold, and OCR text. */
export interface AnswerSceneInput {
  /** Seeds the choice of phrasings so a given question about a given result always reads the same. */
  resultId?: string;
  graph: SceneGraph;
  /** The user's score slider: entities under it are hidden, so answers only count them as "less sure". */
  threshold: number;
  /** Text read in the image; undefined when OCR has not run (it runs when a question asks about text). */
  texts?: TextInput[];
  /** A video's tracks and sounds: time questions are answered from them first (lib/answer/video.ts). */
  timeline?: VideoQuestionInput;
  /** Whole-image tags (ImageNet classes with their scores): where the photo was taken, what is going on. */
  tags?: Tag[];
}
