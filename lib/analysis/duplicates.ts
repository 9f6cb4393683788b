/**
 * One object, one entity: the detector scores every class per box, so one object can come back under two
 * classes (the white pickup as truck 0.90 and car 0.58, a chestnut horse as horse 0.87 and cow 0.63). The
 * weaker claim becomes an alternative label of the stronger, so answers and counts see the object once.
 */
import type { Detection } from '../models/detection';
import { iou } from '../models/yolox/postprocess';

/**
 * Boxes of different classes overlapping this much are one object. Far above the 0.45 at which NMS already
 * treats same-class boxes as one; two distinct objects rarely overlap that much (a rider and the horse, a
 * person and the chair they sit on stay well below), while the double claims above overlap ~0.9.
 */
export const SAME_OBJECT_IOU = 0.7;

export function mergeCrossClassDuplicates(detections: readonly Detection[]): Detection[] {
  const kept: Detection[] = [];
  for (const detection of [...detections].sort((a, b) => b.score - a.score)) {
    const owner = kept.find((k) => k.label !== detection.label && iou(k.box, detection.box) >= SAME_OBJECT_IOU);
    if (!owner) {
      kept.push({ ...detection });
      continue;
    }
    // Each other class once, with its best score (they arrive best first).
    if (!owner.alternatives?.some((a) => a.label === detection.label)) {
      owner.alternatives = [...(owner.alternatives ?? []), { label: detection.label, score: detection.score, source: detection.source }];
    }
  }
  return kept;
}
