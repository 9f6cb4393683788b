/**
 * One object, one entity: the detector scores every class per box, so one object can come back under two
 * classes (the white pickup as truck 0.90 and car 0.58, a chestnut horse as horse 0.87 and cow 0.63). The
 * weaker claim becomes an alternative label of the stronger, so answers and counts see the object once.
 */
import type { Detection } from '../models/detection';
import { boxIou } from '@/lib/shared/box';

/**
 * Boxes of different classes overlapping this much are one object. Far above the 0.45 at which NMS already
 * treats same-class boxes as one; two distinct objects rarely overlap that much (a rider and the horse, a
 * person and the chair they sit on stay well below), while the double claims above overlap ~0.9.
 */
export const SAME_OBJECT_IOU = 0.7;

/**
 * Four-legged animals are the detector's usual confusion (a cat called dog or sheep, a horse called cow): two
 * of them overlapping this much are one animal under two names, which becomes an alternative, not a second
 * entity. Lower than SAME_OBJECT_IOU because the confused box is often shifted (head only, body only).
 */
export const SAME_ANIMAL_IOU = 0.5;
const CONFUSED_ANIMALS = new Set(['cat', 'dog', 'horse', 'sheep', 'cow']);

function sameObject(a: Detection, b: Detection, animals: boolean): boolean {
  if (a.label === b.label) return false;
  const overlap = boxIou(a.box, b.box);
  return (
    overlap >= SAME_OBJECT_IOU ||
    (animals && CONFUSED_ANIMALS.has(a.label) && CONFUSED_ANIMALS.has(b.label) && overlap >= SAME_ANIMAL_IOU)
  );
}

/** `animals: false` keeps the older rule only (the eval's "before"). */
export function mergeCrossClassDuplicates(detections: readonly Detection[], { animals = true } = {}): Detection[] {
  const kept: Detection[] = [];
  for (const detection of [...detections].sort((a, b) => b.score - a.score)) {
    const owner = kept.find((k) => sameObject(k, detection, animals));
    if (!owner) {
      kept.push({ ...detection });
      continue;
    }
    // Each other class once, with its best score (they arrive best first).
    if (!owner.alternatives?.some((a) => a.label === detection.label)) {
      owner.alternatives = [
        ...(owner.alternatives ?? []),
        { label: detection.label, score: detection.score, source: detection.source },
      ];
    }
  }
  return kept;
}
