/**
 * The detector's 80 COCO classes, as matching uses them: the GloVe trim keeps every word of them even when
 * rare, and the GloVe matcher uses them as the reference classes a word must be nearest to before it may be
 * linked (see lexicon.ts). The list itself lives with the detector (a plain module, no ONNX code).
 */
import { COCO_CLASSES } from '../models/yolox/classes';

export { COCO_CLASSES };

/** Every single word that appears in a COCO class name ("traffic light" gives "traffic" and "light"). */
export function cocoWords(): string[] {
  return [...new Set(COCO_CLASSES.flatMap((label) => label.split(' ')))];
}

/**
 * COCO's own supercategories (its annotation files' "supercategory" field), by their first and last class in
 * COCO's order. WordNet misses some of them ("bus" is public transport there, not a vehicle), so a noun that
 * names one reaches all its classes.
 */
const SUPERCATEGORY_SPANS: Readonly<Record<string, [string, string]>> = {
  vehicle: ['bicycle', 'boat'],
  animal: ['bird', 'giraffe'],
  accessory: ['backpack', 'suitcase'],
  food: ['banana', 'cake'],
  furniture: ['chair', 'toilet'],
  electronics: ['tv', 'cell phone'],
  appliance: ['microwave', 'refrigerator'],
};

/** The COCO classes of the supercategory a noun names ("vehicle" → bicycle … boat); [] for other nouns. */
export function cocoSupercategory(noun: string): string[] {
  const span = SUPERCATEGORY_SPANS[noun];
  return span ? COCO_CLASSES.slice(COCO_CLASSES.indexOf(span[0]), COCO_CLASSES.indexOf(span[1]) + 1) : [];
}
