/**
 * Pairwise spatial relations between things, read from their boxes (and masks for depth order). Boxes are
 * [x, y, w, h] in image pixels, y growing downwards. Thresholds are fractions of the boxes involved, so they
 * do not depend on the image's resolution:
 *
 * - "on" (A on B): A is not a vehicle or large animal (see canRestOn), B is not a person, nor an animal unless
 *   A is one (see canSupport); A's bottom edge lies in B's top region, from 10% of B's height above B's top to
 *   60% of B's height below it (a cup on a table, a person on a horse, whose legs hang over its side); A starts above
 *   B's top; at least 50% of A's width overlaps B horizontally; and A is not wider than 1.5 × B (a table is not
 *   "on" a cup behind it).
 * - "in front of" / "overlapping": box IoU ≥ 0.3. When both have masks, the one whose mask covers more of the
 *   boxes' intersection is taken to be in front (an occluder is whole where they overlap, the occluded one is
 *   cut); with no masks, or a margin under 15% of the intersection, they are just "overlapping".
 * - "next to": not already related; vertical extents overlap by ≥ 50% of the shorter box; heights within a
 *   factor 2.5; and the horizontal gap between the boxes is at most half their mean width.
 */
import type { Box } from '@/lib/shared/analysis';
import { maskAt } from './cropped-mask';
import { interaction, SEATS } from './interactions';
import { overlap1d, type RelationItem } from './relation-item';
import { boxIou } from '@/lib/shared/box';
import { cocoSupercategory } from '../../models/yolox/classes';
import type { GraphRelation } from './types';

export type Relation = GraphRelation;

export const ON_TOP_REGION_ABOVE = 0.1;
export const ON_TOP_REGION_BELOW = 0.6;
export const ON_MIN_HORIZONTAL_OVERLAP = 0.5;
export const ON_MAX_WIDTH_RATIO = 1.5;
export const OVERLAP_MIN_IOU = 0.3;
export const DEPTH_MIN_MARGIN = 0.15;
export const NEXT_TO_MIN_VERTICAL_OVERLAP = 0.5;
export const NEXT_TO_MAX_HEIGHT_RATIO = 2.5;
export const NEXT_TO_MAX_GAP = 0.5;

/** Is box A resting on box B (see module comment)? */
export function isOn(a: Box, b: Box): boolean {
  const [ax, ay, aw, ah] = a;
  const [bx, by, bw, bh] = b;
  if (aw <= 0 || ah <= 0 || bw <= 0 || bh <= 0) return false;
  const aBottom = ay + ah;
  const inTopRegion = aBottom >= by - ON_TOP_REGION_ABOVE * bh && aBottom <= by + ON_TOP_REGION_BELOW * bh;
  const startsAbove = ay < by;
  const horizontal = overlap1d(ax, ax + aw, bx, bx + bw) / aw;
  return inTopRegion && startsAbove && horizontal >= ON_MIN_HORIZONTAL_OVERLAP && aw <= ON_MAX_WIDTH_RATIO * bw;
}

/** Are boxes A and B side by side (see module comment)? Symmetric. */
export function isNextTo(a: Box, b: Box): boolean {
  const [ax, ay, aw, ah] = a;
  const [bx, by, bw, bh] = b;
  if (aw <= 0 || ah <= 0 || bw <= 0 || bh <= 0) return false;
  const vertical = overlap1d(ay, ay + ah, by, by + bh) / Math.min(ah, bh);
  const heightRatio = Math.max(ah, bh) / Math.min(ah, bh);
  const gap = Math.max(0, Math.max(ax, bx) - Math.min(ax + aw, bx + bw));
  return (
    vertical >= NEXT_TO_MIN_VERTICAL_OVERLAP &&
    heightRatio <= NEXT_TO_MAX_HEIGHT_RATIO &&
    gap <= NEXT_TO_MAX_GAP * ((aw + bw) / 2)
  );
}

/**
 * Which of two overlapping entities is in front, from how much of the boxes' intersection each mask covers:
 * 1 = A in front, -1 = B in front, 0 = cannot tell.
 */
export function depthOrder(a: RelationItem, b: RelationItem): -1 | 0 | 1 {
  if (!a.mask || !b.mask) return 0;
  const x0 = Math.floor(Math.max(a.box[0], b.box[0]));
  const y0 = Math.floor(Math.max(a.box[1], b.box[1]));
  const x1 = Math.ceil(Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]));
  const y1 = Math.ceil(Math.min(a.box[1] + a.box[3], b.box[1] + b.box[3]));
  const area = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  if (area === 0) return 0;
  let aCount = 0,
    bCount = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      aCount += maskAt(a.mask, x, y);
      bCount += maskAt(b.mask, x, y);
    }
  }
  const margin = (aCount - bCount) / area;
  if (margin >= DEPTH_MIN_MARGIN) return 1;
  if (margin <= -DEPTH_MIN_MARGIN) return -1;
  return 0;
}

/**
 * Vehicles and large animals stand on the ground, not on other things: when such a box's bottom edge lies in
 * another thing's top region, it is further away behind it (a car down the street "on" a horse's back).
 */
const GROUND_STANDING = new Set([
  'car',
  'truck',
  'bus',
  'train',
  'airplane',
  'boat',
  'motorcycle',
  'horse',
  'cow',
  'elephant',
  'bear',
  'zebra',
  'giraffe',
  'sheep',
]);

/** People, vehicles and large animals stand on the ground: nothing of theirs rests or hangs on another thing. */
export function standsOnGround(label: string): boolean {
  return label === 'person' || GROUND_STANDING.has(label);
}

function canRestOn(item: RelationItem): boolean {
  return !item.label || !GROUND_STANDING.has(item.label);
}

const ANIMALS = new Set(cocoSupercategory('animal'));
const FOOD = new Set(cocoSupercategory('food'));
/** Cutlery lies on food; a cup or a glass whose foot ends on a pizza's top edge stands behind it. */
const CUTLERY = new Set(['fork', 'knife', 'spoon']);
/** What a person can rest on: seats, beds, boats, boards and mounts. */
const PERSON_RESTS_ON = new Set([
  ...SEATS,
  'boat',
  'skateboard',
  'surfboard',
  'snowboard',
  'skis',
  'bicycle',
  'motorcycle',
  'horse',
  'elephant',
  'cow',
]);

/**
 * Nothing rests on a person in a photo: what someone carries is "holding" (interactions.ts), and a box whose
 * bottom lies in a person's top region is someone or something further back (a crowd behind a diner). Only an
 * animal rests on an animal (a bird on a cow's back); a rider is "riding", and a bicycle whose box ends on a
 * dog's back stands behind it. Nor does a person stand on a car, a table or a backpack: they are behind it.
 */
function canSupport(support: RelationItem, thing: RelationItem): boolean {
  if (support.label === 'person') return false;
  // A person whose feet end on a table's or a car's top edge stands behind it: people rest on seats, boards,
  // boats and mounts only (riders are "riding", sitters "on" their seat: interactions.ts).
  if (thing.label === 'person' && support.label && !PERSON_RESTS_ON.has(support.label)) return false;
  // Only food and cutlery rest on food: a chair or a glass whose foot ends on a close-up pizza's top edge is behind it.
  if (support.label && FOOD.has(support.label) && thing.label && !FOOD.has(thing.label) && !CUTLERY.has(thing.label))
    return false;
  return !support.label || !ANIMALS.has(support.label) || !thing.label || ANIMALS.has(thing.label);
}

/**
 * All relations between the items, at most one per unordered pair: holding / riding / inside (interactions.ts)
 * beat "on", which beats overlap, which beats "next to".
 */
export function computeRelations(items: RelationItem[]): Relation[] {
  const relations: Relation[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i],
        b = items[j];
      const special = interaction(a, b) ?? interaction(b, a);
      if (special) relations.push(special);
      else if (canRestOn(a) && canSupport(b, a) && isOn(a.box, b.box))
        relations.push({ subjectId: a.id, kind: 'on', objectId: b.id });
      else if (canRestOn(b) && canSupport(a, b) && isOn(b.box, a.box))
        relations.push({ subjectId: b.id, kind: 'on', objectId: a.id });
      else if (boxIou(a.box, b.box) >= OVERLAP_MIN_IOU) {
        const order = depthOrder(a, b);
        if (order === 1) relations.push({ subjectId: a.id, kind: 'in front of', objectId: b.id });
        else if (order === -1) relations.push({ subjectId: b.id, kind: 'in front of', objectId: a.id });
        else relations.push({ subjectId: a.id, kind: 'overlapping', objectId: b.id });
      } else if (isNextTo(a.box, b.box)) relations.push({ subjectId: a.id, kind: 'next to', objectId: b.id });
    }
  }
  return twoHands(oneHolder(relations, items));
}

/**
 * One thing is held by one person: where two people's boxes both take in a glove, it goes to the one whose box
 * holds most of it (then the smaller box, the nearer fit), and the other pair is only "next to".
 */
function oneHolder(relations: Relation[], items: RelationItem[]): Relation[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const holderFit = (r: Relation) => {
    const thing = byId.get(r.objectId)!.box;
    const holder = byId.get(r.subjectId)!.box;
    const within =
      overlap1d(thing[0], thing[0] + thing[2], holder[0], holder[0] + holder[2]) *
      overlap1d(thing[1], thing[1] + thing[3], holder[1], holder[1] + holder[3]);
    return { share: within / Math.max(1, thing[2] * thing[3]), area: holder[2] * holder[3] };
  };
  const better = (a: Relation, b: Relation) => {
    const fa = holderFit(a),
      fb = holderFit(b);
    return fa.share !== fb.share ? fa.share > fb.share : fa.area < fb.area;
  };
  const best = new Map<string, Relation>();
  for (const r of relations.filter((r) => r.kind === 'holding')) {
    const held = best.get(r.objectId);
    if (!held || better(r, held)) best.set(r.objectId, r);
  }
  return relations.map((r) =>
    r.kind === 'holding' && best.get(r.objectId) !== r
      ? { subjectId: r.subjectId, kind: 'next to', objectId: r.objectId }
      : r,
  );
}

/**
 * Two hands hold two things: a person whose box takes in three or more hand-sized things has them on a counter
 * or table in front (a cook behind a row of bowls), not in hand, so none of them is "holding".
 */
function twoHands(relations: Relation[]): Relation[] {
  const held = new Map<string, number>();
  for (const r of relations) if (r.kind === 'holding') held.set(r.subjectId, (held.get(r.subjectId) ?? 0) + 1);
  return relations.map((r) =>
    r.kind === 'holding' && (held.get(r.subjectId) ?? 0) > 2
      ? { subjectId: r.subjectId, kind: 'next to', objectId: r.objectId }
      : r,
  );
}
