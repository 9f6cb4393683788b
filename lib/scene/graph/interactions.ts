/**
 * Relations that depend on what the things are, not only where their boxes lie:
 *
 * - riding (a person riding a horse, bicycle, motorcycle, elephant, skateboard…): the person's box overlaps the
 *   mount's horizontally by ≥ 50 % of the person's width, rises above the mount's top by ≥ 30 % of the person's
 *   height (head and torso above the back; a thing merely overlapping the mount's box from behind does not),
 *   and ends inside the mount's box (legs astride or feet on it), above the mount's bottom edge.
 * - holding (a person holding a bowl, phone, umbrella, racket…): a hand-sized class, ≥ 50 % of whose box lies
 *   inside the person's box, and whose box is under half the person's box area (a thing that size fits a hand).
 *   A racket, bat or umbrella is held by its handle, the rest reaching out: ≥ 20 % of its box will do.
 *   A standing, full-length figure (box at least twice as tall as wide) holds nothing below the knee: a thing
 *   centred in the lowest quarter of such a box is on the floor at their feet (knee height is about 28 % of
 *   stature, and hands hang at about 38 %).
 * - on a seat (a person on a chair, couch, bench, bed or toilet): ≥ 40 % of the person's box lies inside the
 *   seat's, and the person's bottom edge (their feet) lies in the seat's lower half or at most 35 % of its
 *   height below it (legs reach forward, towards the camera). Someone standing behind a sofa is cut off at
 *   its top edge instead, and someone standing in front of it stands mostly outside its box.
 * - inside (a person inside a bus, groceries inside a car): the inner box lies ≥ 85 % within a container's box
 *   and covers under 35 % of it (not just the container's twin box from a second detection), and the inner box
 *   ends above the container's lowest 15 % (its body hides what is inside from the bottom up; a person standing
 *   in front of a bus has their feet on the ground, level with its wheels).
 * The fractions are plain geometric statements of each relation (more than half, mostly within, clearly
 * smaller), not values fitted to the samples.
 */
import type { Box } from '@/lib/shared/analysis';
import { overlap1d, type RelationItem } from './relation-item';
import type { GraphRelation } from './types';

const RIDEABLE = new Set([
  'horse',
  'bicycle',
  'motorcycle',
  'elephant',
  'skateboard',
  'surfboard',
  'snowboard',
  'skis',
]);
const HANDHELD = new Set([
  'umbrella',
  'handbag',
  'bottle',
  'cup',
  'wine glass',
  'cell phone',
  'book',
  'remote',
  'knife',
  'fork',
  'spoon',
  'bowl',
  'sports ball',
  'frisbee',
  'baseball bat',
  'baseball glove',
  'tennis racket',
  'teddy bear',
  'scissors',
  'toothbrush',
  'hair drier',
  'banana',
  'apple',
  'sandwich',
  'orange',
  'donut',
  'hot dog',
  'kite',
  'laptop',
  'mouse',
]);
const CONTAINERS = new Set([
  'car',
  'truck',
  'bus',
  'train',
  'boat',
  'airplane',
  'bowl',
  'cup',
  'vase',
  'sink',
  'oven',
  'refrigerator',
  'microwave',
  'suitcase',
  'handbag',
  'backpack',
]);
const PEOPLE = new Set(['person']);
/** What people sit on. */
export const SEATS: ReadonlySet<string> = new Set(['chair', 'couch', 'bench', 'bed', 'toilet']);

const RIDER_MIN_OVERLAP = 0.5;
const RIDER_MIN_ABOVE = 0.3;
const HELD_MIN_INSIDE = 0.5;
const HELD_MAX_AREA_RATIO = 0.5;
/** Held by one end, the rest reaching out of the holder's box: a racket, a bat, an umbrella over the head. */
const HELD_BY_HANDLE = new Set(['tennis racket', 'baseball bat', 'umbrella']);
const HANDLE_MIN_INSIDE = 0.2;
/** A box this many times as tall as wide is a standing, full-length figure. */
const FULL_LENGTH_ASPECT = 2;
/** Below the knee: the lowest quarter of a full-length figure. */
const BELOW_KNEE = 0.25;
const SEATED_MIN_INSIDE = 0.4;
const SEATED_FEET_BELOW = 0.35;
const INSIDE_MIN_WITHIN = 0.85;
const INSIDE_MAX_AREA_RATIO = 0.35;
const INSIDE_CLEAR_OF_BOTTOM = 0.15;

function area(box: Box): number {
  return Math.max(0, box[2]) * Math.max(0, box[3]);
}

/** Share of box A's area inside box B. */
export function shareInside(a: Box, b: Box): number {
  const inter = overlap1d(a[0], a[0] + a[2], b[0], b[0] + b[2]) * overlap1d(a[1], a[1] + a[3], b[1], b[1] + b[3]);
  return area(a) > 0 ? inter / area(a) : 0;
}

export function isRiding(rider: Box, mount: Box): boolean {
  const horizontal = overlap1d(rider[0], rider[0] + rider[2], mount[0], mount[0] + mount[2]) / Math.max(1e-9, rider[2]);
  const riderBottom = rider[1] + rider[3];
  const above = (mount[1] - rider[1]) / Math.max(1e-9, rider[3]);
  return (
    horizontal >= RIDER_MIN_OVERLAP &&
    above >= RIDER_MIN_ABOVE &&
    riderBottom > mount[1] &&
    riderBottom < mount[1] + mount[3]
  );
}

export function isHolding(holder: Box, held: Box, label = ''): boolean {
  const minInside = HELD_BY_HANDLE.has(label) ? HANDLE_MIN_INSIDE : HELD_MIN_INSIDE;
  return (
    shareInside(held, holder) >= minInside &&
    area(held) < HELD_MAX_AREA_RATIO * area(holder) &&
    !atTheFeet(holder, held)
  );
}

function atTheFeet(holder: Box, held: Box): boolean {
  const fullLength = holder[3] >= FULL_LENGTH_ASPECT * holder[2];
  const heldCentre = held[1] + held[3] / 2;
  return fullLength && heldCentre > holder[1] + (1 - BELOW_KNEE) * holder[3];
}

export function isSeated(person: Box, seat: Box): boolean {
  const feet = person[1] + person[3];
  return (
    shareInside(person, seat) >= SEATED_MIN_INSIDE &&
    feet >= seat[1] + seat[3] / 2 &&
    feet <= seat[1] + (1 + SEATED_FEET_BELOW) * seat[3]
  );
}

export function isInside(inner: Box, container: Box): boolean {
  const clearOfBottom = inner[1] + inner[3] < container[1] + (1 - INSIDE_CLEAR_OF_BOTTOM) * container[3];
  return (
    shareInside(inner, container) >= INSIDE_MIN_WITHIN &&
    area(inner) < INSIDE_MAX_AREA_RATIO * area(container) &&
    clearOfBottom
  );
}

/** The interaction of A with B ("A riding B", "A on the couch B"…), or undefined. */
export function interaction(a: RelationItem, b: RelationItem): GraphRelation | undefined {
  if (!a.label || !b.label) return undefined;
  if (PEOPLE.has(a.label) && RIDEABLE.has(b.label) && isRiding(a.box, b.box))
    return { subjectId: a.id, kind: 'riding', objectId: b.id };
  if (PEOPLE.has(a.label) && SEATS.has(b.label) && isSeated(a.box, b.box))
    return { subjectId: a.id, kind: 'on', objectId: b.id };
  if (PEOPLE.has(a.label) && HANDHELD.has(b.label) && isHolding(a.box, b.box, b.label))
    return { subjectId: a.id, kind: 'holding', objectId: b.id };
  if (CONTAINERS.has(b.label) && !CONTAINERS.has(a.label) && isInside(a.box, b.box))
    return { subjectId: a.id, kind: 'inside', objectId: b.id };
  return undefined;
}
