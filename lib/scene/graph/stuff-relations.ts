/**
 * How things sit in the stuff regions around them (from the stuff masks, so they follow the region's shape):
 * - a thing is ON a ground region (road, grass, floor…) when that region covers ≥ 30 % of the strip just
 *   below and at its bottom edge (the band from 10 % of its height above the edge to 5 % below), not counting
 *   the thing's own pixels (the region has them cut out): what it stands on. A thing stands on one ground: where
 *   two pass (a street's road with a patch the segmenter called floor), the one covering more of the strip;
 * - a thing is IN FRONT OF a backdrop region (wall, building, sky, tree…) when that region covers ≥ 20 % of
 *   the ring around its box (10 % of the box's size on each side): the region shows all around it, behind.
 * Both shares are "a clear part, not a stray pixel" levels, not fitted to samples.
 */
import type { CroppedMask } from './cropped-mask';
import { maskAt } from './cropped-mask';
import type { RelationItem } from './relation-item';
import type { GraphRelation } from './types';

/** ADE20K's ground classes (the rest of its stuff is backdrop). */
const GROUND = new Set([
  'floor',
  'road',
  'grass',
  'sidewalk',
  'earth',
  'field',
  'sand',
  'water',
  'sea',
  'river',
  'rug',
  'carpet',
  'path',
  'dirt track',
  'land',
  'snow',
  'runway',
  'stage',
  'lake',
  'stairs',
  'stairway',
  'step',
  'hill',
]);
const GROUND_MIN_SHARE = 0.3;
const BACKDROP_MIN_SHARE = 0.2;
const BAND_ABOVE = 0.1;
const BAND_BELOW = 0.05;
const RING = 0.1;

export function isGroundLabel(label: string): boolean {
  return GROUND.has(label.split(/[ ,;]/)[0]) || GROUND.has(label);
}

/** Share of the region's pixels in a rectangle, sampled on a grid of at most ~2 000 points. */
function shareIn(
  mask: CroppedMask,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  skip?: (x: number, y: number) => boolean,
): number {
  const step = Math.max(1, Math.sqrt(((x1 - x0) * (y1 - y0)) / 2000));
  let hits = 0,
    total = 0;
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      if (skip?.(x, y)) continue;
      total++;
      hits += maskAt(mask, Math.floor(x), Math.floor(y));
    }
  }
  return total ? hits / total : 0;
}

/** The share of the strip at the thing's bottom edge that a ground region covers (the thing's own pixels left out). */
function groundShare(thing: RelationItem, ground: CroppedMask, height: number): number {
  const [x, y, w, h] = thing.box;
  const bottom = y + h;
  // The thing's own pixels are cut out of the region: only the rest of the strip can show ground.
  const own = thing.mask;
  return shareIn(
    ground,
    x,
    Math.max(0, bottom - BAND_ABOVE * h),
    x + w,
    Math.min(height, bottom + BAND_BELOW * h),
    own ? (px, py) => maskAt(own, Math.floor(px), Math.floor(py)) === 1 : undefined,
  );
}

/** The share of the ring around the thing's box that a backdrop region covers. */
function backdropShare(thing: RelationItem, backdrop: CroppedMask, width: number, height: number): number {
  const [x, y, w, h] = thing.box;
  const rx0 = Math.max(0, x - RING * w),
    ry0 = Math.max(0, y - RING * h);
  const rx1 = Math.min(width, x + w + RING * w),
    ry1 = Math.min(height, y + h + RING * h);
  const inBox = (px: number, py: number) => px >= x && px < x + w && py >= y && py < y + h;
  return shareIn(backdrop, rx0, ry0, rx1, ry1, inBox);
}

/** The thing's relations to the regions: ON the one ground under it (if any), IN FRONT OF each backdrop around it. */
export function stuffRelations(
  thing: RelationItem,
  regions: (RelationItem & { label: string })[],
  width: number,
  height: number,
): GraphRelation[] {
  const relations: GraphRelation[] = [];
  let ground: { id: string; share: number } | undefined;
  for (const region of regions) {
    if (!region.mask) continue;
    if (isGroundLabel(region.label)) {
      const share = groundShare(thing, region.mask, height);
      if (share >= GROUND_MIN_SHARE && share > (ground?.share ?? 0)) ground = { id: region.id, share };
    } else if (backdropShare(thing, region.mask, width, height) >= BACKDROP_MIN_SHARE) {
      relations.push({ subjectId: thing.id, kind: 'in front of', objectId: region.id });
    }
  }
  return ground ? [{ subjectId: thing.id, kind: 'on', objectId: ground.id }, ...relations] : relations;
}
