/**
 * A second prompt for a mask that grabbed a thing in front of its object. A detector's box covers the whole
 * object, also where something nearer hides it (the red car behind the street horse: its box spans the horse's
 * head), and SAM prompted with that box alone may cut the nearer thing's part inside it. When much of a mask is
 * also another mask, the box is prompted again with a positive click at the deepest point of the box that no
 * other mask claims (the object's visible part) and a negative click on each grabbed part; the new mask is kept
 * when it shares less with the others and the decoder is about as confident in it.
 */
import type { Box, Mask } from '../shared/analysis';
import { decodeRleInBox } from '../shared/rle';
import { deepestPoint } from '../image/masks/deepest-point';
import { SAM_MASK_SOURCE } from '../models/sam';
import { decoderLogits } from '../models/sam/decoder';
import { type Click, clicksAndBoxPrompt, NEGATIVE_CLICK, POSITIVE_CLICK } from '../models/sam/prompt';
import { IOU_SLACK } from './mask-reprompt';
import type { SamEmbedding } from '../models/sam/encoder';
import { encodeRegionMask, lowResLogitsToMask } from '../models/sam/postprocess';
import { boxIou, insideShare } from '@/lib/shared/box';

const boxArea = (box: Box) => box[2] * box[3];

/** A mask with at least this share of its pixels (inside its box) also in other masks grabbed something else. */
export const GRABBED_SHARE = 0.3;
/** An overlap smaller than this share of the mask is a touching edge, not a grabbed part: no negative click. */
const PART_SHARE = 0.05;

/** How much lower (a share of the object's box height) a thing's foot must be to count as standing nearer. */
const NEARER_BY = 0.1;

/**
 * Only what stands nearer can hide a part of an object: on the ground, the lower foot is the nearer thing (a
 * foot within a tenth of the box height is level: a piece of the same object, or a neighbour beside it).
 */
export function standsNearer(other: Box, object: Box): boolean {
  return other[1] + other[3] > object[1] + object[3] + NEARER_BY * object[3];
}

/** The share of the mask's pixels inside `box` that the other masks also claim, and what they claim there. */
export function sharedWithOthers(mask: Mask, box: Box, others: Mask[]) {
  const own = decodeRleInBox(mask.rle, box);
  const parts = others.map((other) => {
    const bits = decodeRleInBox(other.rle, box).bits;
    const overlap = new Uint8Array(bits.length);
    let count = 0;
    for (let i = 0; i < bits.length; i++) if (bits[i] && own.bits[i]) [overlap[i], count] = [1, count + 1];
    return { bits, overlap, count };
  });
  let area = 0,
    shared = 0;
  const claimed = new Uint8Array(own.bits.length);
  for (const part of parts) for (let i = 0; i < claimed.length; i++) claimed[i] ||= part.bits[i];
  for (let i = 0; i < own.bits.length; i++) {
    if (!own.bits[i]) continue;
    area++;
    if (claimed[i]) shared++;
  }
  return {
    share: area ? shared / area : 0,
    own,
    claimed,
    parts: parts.filter((p) => area && p.count / area >= PART_SHARE),
  };
}

/** The better of the first mask and a re-prompt past what it grabbed; undefined when the first stays. */
export async function repromptPastOthers(
  embedding: SamEmbedding,
  box: Box,
  first: Mask,
  others: Mask[],
): Promise<Mask | undefined> {
  // Only masks that meet this one can share its pixels; the others are not decoded.
  const touching = others.filter((other) => boxIou(other.bbox, first.bbox) > 0);
  // The shared pixels lie where the masks' boxes meet: when those meetings could not hold GRABBED_SHARE of the
  // mask, nothing is decoded (most masks, and the cost of this step on large photos).
  const mostShared = touching.reduce(
    (sum, other) => sum + insideShare(other.bbox, first.bbox) * boxArea(other.bbox),
    0,
  );
  if (mostShared < GRABBED_SHARE * first.area) return undefined;
  const before = sharedWithOthers(first, box, touching);
  if (before.share < GRABBED_SHARE) return undefined;
  const { x0, y0, width } = before.own;
  const free = before.claimed.map((c) => (c ? 0 : 1));
  const visible = deepestPoint(free, width);
  if (!visible) return undefined;
  // Points in the box's crop → image pixels (the pixel's centre).
  const inImage = (p: { x: number; y: number }) => ({ x: p.x + x0 + 0.5, y: p.y + y0 + 0.5 });
  const clicks: Click[] = [
    { ...inImage(visible), label: POSITIVE_CLICK },
    ...before.parts.flatMap((p) => {
      const point = deepestPoint(p.overlap, width);
      return point ? [{ ...inImage(point), label: NEGATIVE_CLICK }] : [];
    }),
  ];
  const { geometry } = embedding;
  const { lowRes, predictedIou } = await decoderLogits(embedding, clicksAndBoxPrompt(clicks, box, geometry));
  const second = {
    ...encodeRegionMask(lowResLogitsToMask(lowRes, geometry, box), geometry),
    predictedIou,
    source: `${SAM_MASK_SOURCE}, box + clicks past what is in front`,
  };
  const after = sharedWithOthers(second, box, touching);
  return second.area > 0 && after.share < before.share && predictedIou >= first.predictedIou - IOU_SLACK
    ? second
    : undefined;
}
