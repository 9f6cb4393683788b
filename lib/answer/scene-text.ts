/**
 * Text in the image, read on demand: OCR (PP-OCRv4) costs a few hundred milliseconds, so it runs the first
 * time a question asks about text ("what does the sign say?"), not in every analysis, and its result stays
 * with the scene for later questions and answer sources. It reads the stored ≤ 1024 px copy in an inference
 * worker; the boxes come back in the original image's pixels.
 */
import { readTextInWorker } from '../server/cluster/dispatch';
import { classifyQuestion } from './builtin/classify-question';
import type { Scene } from '../scene/types';

/** A lone glyph read with less confidence is more often texture (a glove, fur) than writing. */
const SINGLE_GLYPH_MIN_CONFIDENCE = 0.9;

export async function ensureSceneText(scene: Scene, question: string, signal?: AbortSignal): Promise<void> {
  if (!scene.image || scene.texts || classifyQuestion(question).type !== 'text') return;
  const regions = await readTextInWorker(scene.image, scene.imageSize ?? scene.image, signal);
  scene.texts ??= regions.filter((r) => [...r.text.trim()].length > 1 || r.confidence >= SINGLE_GLYPH_MIN_CONFIDENCE);
}
