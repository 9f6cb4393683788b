/**
 * "To the left of" / "to the right of", as seen from the camera (the sense GQA's questions use): a thing is to
 * the left of an anchor when its centre lies left of the anchor's centre by more than a quarter of the anchor's
 * width, its box is not mostly within the anchor's, and the two boxes share some rows — a cup beside a laptop,
 * not a plane in the sky high above and to one side. Regions (wall, floor) span the photo and are left out.
 * "Above" is the same up the frame: the centre higher by a quarter of the anchor's height, the boxes sharing
 * columns (a clock above the windows, a kite above the people). "Below" is only its other way round here:
 * "what is below the cup?" asks what it rests on, which the graph's "on" answers.
 */
import type { EntityFacts } from '../scene-facts';
import { insideShare } from '@/lib/shared/box';

export type SideWord = 'to the left of' | 'to the right of' | 'above' | 'below';

/** The side words a question may ask with ("below" is answered as resting on, elsewhere). */
export type AskedSide = Exclude<SideWord, 'below'>;
export const isSideWord = (word: string): word is AskedSide =>
  word === 'to the left of' || word === 'to the right of' || word === 'above';

/** Share of the anchor's width the centres must be apart: a thing straddling the anchor's middle is neither. */
const CENTRE_OFFSET = 0.25;
/** A thing whose box lies this far inside the anchor's is on or in it, not beside it. */
const WITHIN = 0.8;

const shareRows = (a: EntityFacts, b: EntityFacts) =>
  Math.min(a.box[1] + a.box[3], b.box[1] + b.box[3]) > Math.max(a.box[1], b.box[1]);
const shareColumns = (a: EntityFacts, b: EntityFacts) =>
  Math.min(a.box[0] + a.box[2], b.box[0] + b.box[2]) > Math.max(a.box[0], b.box[0]);

/** The candidates on that side of any anchor, the nearest first. */
export function sideOf(candidates: EntityFacts[], anchors: EntityFacts[], word: SideWord): EntityFacts[] {
  const vertical = word === 'above' || word === 'below';
  const axis = vertical ? 1 : 0;
  const sign = word === 'to the left of' || word === 'above' ? -1 : 1;
  const offset = (c: EntityFacts, a: EntityFacts) => sign * (c.centre[axis] - a.centre[axis]);
  const share = vertical ? shareColumns : shareRows;
  const beside = (c: EntityFacts, a: EntityFacts) =>
    offset(c, a) > CENTRE_OFFSET * a.box[2 + axis] && share(c, a) && insideShare(c.box, a.box) < WITHIN;
  const distance = (c: EntityFacts) => Math.min(...anchors.filter((a) => beside(c, a)).map((a) => offset(c, a)));
  return candidates
    .filter((c) => c.kind !== 'stuff' && !anchors.includes(c) && anchors.some((a) => beside(c, a)))
    .sort((x, y) => distance(x) - distance(y));
}

/** "What is to the right of" the anchor asks where the anchor is the other way round: "what is the cup left of?". */
const OPPOSITE: Record<SideWord, SideWord> = {
  'to the left of': 'to the right of',
  'to the right of': 'to the left of',
  above: 'below',
  below: 'above',
};
export const oppositeSide = (word: SideWord): SideWord => OPPOSITE[word];

/**
 * "Is the man on the left or right of the bench?": the side the first thing stands on, or that it is neither
 * (in front of or behind it, or level with its middle).
 */
export function sideChoiceAnswer(thing: EntityFacts, anchor: EntityFacts, names: [string, string]): string {
  const [thingName, anchorName] = names;
  if (sideOf([thing], [anchor], 'to the left of').length)
    return `On the left: ${thingName} is to the left of ${anchorName}.`;
  if (sideOf([thing], [anchor], 'to the right of').length)
    return `On the right: ${thingName} is to the right of ${anchorName}.`;
  return `Neither, as seen from the camera: ${thingName} is level with the middle of ${anchorName}, or not beside it.`;
}

/**
 * "Where is the bowl relative to the dog?": every side the first thing lies to of the second, as seen from the
 * camera ("to the right of", "above"). The centres must be apart by the same share of the anchor as in sideOf,
 * but the boxes need not share rows or columns: asked for a place, a thing up and to the right is both. None
 * when either lies mostly within the other's box (a bowl in someone's hands) or level with its middle.
 */
export function sidesFrom(thing: EntityFacts, anchor: EntityFacts): SideWord[] {
  if (insideShare(thing.box, anchor.box) >= WITHIN || insideShare(anchor.box, thing.box) >= WITHIN) return [];
  const [dx, dy] = [thing.centre[0] - anchor.centre[0], thing.centre[1] - anchor.centre[1]];
  const sides: SideWord[] = [];
  if (Math.abs(dx) > CENTRE_OFFSET * anchor.box[2]) sides.push(dx < 0 ? 'to the left of' : 'to the right of');
  if (Math.abs(dy) > CENTRE_OFFSET * anchor.box[3]) sides.push(dy < 0 ? 'above' : 'below');
  return sides;
}
