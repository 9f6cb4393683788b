/**
 * Text in the image, read on demand: OCR (PP-OCRv4) costs a few hundred milliseconds, so it runs the first
 * time a question asks about text ("what does the sign say?"), not in every analysis, and its result stays
 * with the scene for later questions and answer sources. It reads the stored ≤ 1024 px copy in an inference
 * worker (the caller passes the server's `readText`, so this layer never reaches up to the worker pool); the boxes
 * come back in the original image's pixels.
 */
import type { DecodedImage } from '../image/types';
import type { TextRegion } from '../models/ppocr';
import { classifyQuestion } from './builtin/classify-question';
import type { Scene } from '../scene/types';

/** A lone glyph read with less confidence is more often texture (a glove, fur) than writing. */
const SINGLE_GLYPH_MIN_CONFIDENCE = 0.9;

/** Reads the text in an image whose original size was `size`; boxes in those pixels. */
export type ReadText = (
  image: DecodedImage,
  size: { width: number; height: number },
  signal?: AbortSignal,
) => Promise<TextRegion[]>;

/** Whether a question makes the server read the image's text (the chat route's gate, shared with the QA runners). */
export function questionWantsText(question: string): boolean {
  return classifyQuestion(question).type === 'text';
}

/** The OCR lines answers may quote: drops lone glyphs read with little confidence. */
export function legibleText(regions: TextRegion[]): TextRegion[] {
  return regions.filter((r) => [...r.text.trim()].length > 1 || r.confidence >= SINGLE_GLYPH_MIN_CONFIDENCE);
}

export async function ensureSceneText(
  scene: Scene,
  question: string,
  readText: ReadText,
  signal?: AbortSignal,
): Promise<void> {
  if (!scene.image || scene.texts || !questionWantsText(question)) return;
  const regions = await readText(scene.image, scene.imageSize ?? scene.image, signal);
  scene.texts ??= legibleText(regions);
}
