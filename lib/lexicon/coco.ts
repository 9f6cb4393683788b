/**
 * The detector's 80 COCO classes, as matching uses them: the GloVe trim keeps every word of them even when
 * rare, and the GloVe matcher uses them as the reference classes a word must be nearest to before it may be
 * linked (see lexicon.ts). The list itself lives with the detector (a plain module, no ONNX code).
 */
import { COCO_CLASSES, cocoSupercategory } from '../models/yolox/classes';

export { COCO_CLASSES, cocoSupercategory };

/** Every single word that appears in a COCO class name ("traffic light" gives "traffic" and "light"). */
export function cocoWords(): string[] {
  return [...new Set(COCO_CLASSES.flatMap((label) => label.split(' ')))];
}
