/**
 * Depth from the ground plane: the scene graph keeps one relation per pair, so where it kept "next to" the frame
 * still tells which of two things overlapping in x stands further back (its bottom edge higher) or nearer.
 */
import type { EntityFacts } from '../scene-facts';

/** A bottom edge must differ by this share of the anchor's height to count as behind or in front. */
const DEPTH_MARGIN = 0.05;

const bottom = (e: EntityFacts) => e.box[1] + e.box[3];
const overlapX = (a: EntityFacts, b: EntityFacts) =>
  Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]) - Math.max(a.box[0], b.box[0]);

/**
 * The candidates standing behind (or in front of) any anchor, the nearest in depth first: "the car behind the
 * horse" is the one right behind it, not the furthest one that happens to share its column.
 */
export function groundPlane(
  candidates: EntityFacts[],
  anchors: EntityFacts[],
  asked: 'behind' | 'in front of',
): EntityFacts[] {
  const gap = (e: EntityFacts, a: EntityFacts) => (asked === 'behind' ? bottom(a) - bottom(e) : bottom(e) - bottom(a));
  const depthGap = (e: EntityFacts) =>
    Math.min(...anchors.filter((a) => overlapX(a, e) > 0 && gap(e, a) > DEPTH_MARGIN * a.box[3]).map((a) => gap(e, a)));
  return candidates
    .filter((e) => !anchors.includes(e) && Number.isFinite(depthGap(e)))
    .sort((x, y) => depthGap(x) - depthGap(y));
}
