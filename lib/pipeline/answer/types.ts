/** Inputs shared by the built-in answerer and the endpoint client. */
import type { Box } from '@/lib/shared/analysis';
import type { SoundEvent } from '@/lib/shared/audio';
import type { SceneEntity } from '../types';

/**
 * What the audio analysis found, reduced to what answers need. Deliberately not the audio module's own type,
 * so this module does not depend on its exact shape: the caller maps AudioSummary onto it.
 */
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

/** A Scene reduced to what answering needs. The caller keeps only entities above the user's score threshold. */
export interface AnswerSceneInput {
  /** Seeds the choice of phrasings so a given question about a given result always reads the same. */
  resultId?: string;
  image: { width: number; height: number; rgb: Uint8Array };
  entities: SceneEntity[];
  soundSummary?: SoundSummaryInput;
  /** Text read in the image; undefined when OCR has not run (it runs when a question asks about text). */
  texts?: TextInput[];
}
