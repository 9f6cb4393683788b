/**
 * A tile may add a small object, never a second box for one the full view has. Tile merging (yolox/tiles.ts)
 * only compares boxes of one class; in crowds and close-ups a tile also re-finds a full-view object under
 * another class, or a part of it (a torso as a second person, a cushion as a bed). Such a pair is one object:
 * the better-scored box stays, the other's class becomes its alternative. The full view's box does not win
 * by default: a faint wrong-class box there (a cat as sheep 0.15) must not erase the tile's clear view.
 */

import type { Detection } from '../models/detection';
import { boxIou, insideShare } from '@/lib/shared/box';

/** A tile box and a full-view box overlapping this much are one object, whatever the classes say. */
const REFIND_IOU = 0.5;
/** A tile box lying this much inside a full-view box of its class is a part of that object. */
const PART_SHARE = 0.5;

function refinds(a: Detection, b: Detection): boolean {
  if (!!a.fromTile === !!b.fromTile) return false;
  const [tile, full] = a.fromTile ? [a, b] : [b, a];
  return (
    boxIou(tile.box, full.box) >= REFIND_IOU ||
    (tile.label === full.label && insideShare(tile.box, full.box) >= PART_SHARE)
  );
}

export function mergeTileRefinds(detections: readonly Detection[]): Detection[] {
  const kept: Detection[] = [];
  for (const detection of [...detections].sort((a, b) => b.score - a.score)) {
    const owner = kept.find((k) => refinds(k, detection));
    if (!owner) kept.push({ ...detection });
    else if (owner.label !== detection.label && !owner.alternatives?.some((a) => a.label === detection.label)) {
      owner.alternatives = [
        ...(owner.alternatives ?? []),
        { label: detection.label, score: detection.score, source: detection.source },
      ];
    }
  }
  return kept;
}
