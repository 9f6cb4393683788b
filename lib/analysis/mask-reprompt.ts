/**
 * A second prompt for a box mask that misses a large part of its box. A person's box that also holds a cart
 * board can make SAM's box-only prompt pick the board and drop the head; adding positive clicks at the box's
 * upper centre (where a standing figure's head or an object's top is) and negative clicks on the neighbouring
 * masks tells the decoder which object is meant and what is not it. The new mask is kept only when it covers
 * more of the box and the decoder is about as confident in it.
 */
import type { Box, Mask } from '../shared/analysis';
import { decodeRleInBox } from '../shared/rle';
import { innerPoint } from '../image/masks/inner-point';
import { SAM_MASK_SOURCE } from '../models/sam';
import { decoderLogits } from '../models/sam/decoder';
import { type Click, clicksAndBoxPrompt, NEGATIVE_CLICK, POSITIVE_CLICK } from '../models/sam/prompt';
import type { SamEmbedding } from '../models/sam/encoder';
import { encodeRegionMask, lowResLogitsToMask } from '../models/sam/postprocess';
import { boxIou, insideShare } from '@/lib/shared/box';

/** The mask's own box overlapping its prompt box less than this means a large part of the box is missed. */
export const MISSES_BOX_IOU = 0.6;
/**
 * A mask whose top stays this far (share of the box's height) below the box's top misses the object's top: a
 * detector's box is tight at the top, and SAM drops a head against a busy background more than anything else.
 */
export const MISSES_TOP = 0.08;
/** Where the positive click goes, down from the box's top as a share of its height (a face, an object's top). */
const UPPER_CENTRE = 0.15;
/**
 * When the first mask leaves the box's top, a second click just inside the box's tight top edge: a head's
 * hair or cap, which SAM drops most against a busy background.
 */
const TOP_EDGE = 0.04;
/**
 * The second mask may be this much less confident and still replace the first: the decoder rates prompts with
 * several clicks lower (the street sample's man: 0.93 for the headless box mask, 0.69 with his head).
 */
export const IOU_SLACK = 0.25;
/** A neighbour whose box lies at least this much inside the object's box gets no negative click. */
const INSIDE_SHARE = 0.5;
/** At most this many negative clicks (the nearest neighbours); each is one more prompt token. */
const MAX_NEGATIVES = 4;

function missesTop(mask: Mask, box: Box): boolean {
  return mask.bbox[1] - box[1] > MISSES_TOP * box[3];
}

export function missesBox(mask: Mask, box: Box): boolean {
  return mask.area > 0 && (boxIou(mask.bbox, box) < MISSES_BOX_IOU || missesTop(mask, box));
}

/**
 * A point surely on each neighbouring mask whose box meets this one, nearest first. A mask lying mostly inside
 * the box is something seen through or behind the object (a car behind a man's legs), not a neighbour: a
 * negative click there would cut the object itself.
 */
function negativePoints(box: Box, neighbours: Mask[]): { x: number; y: number }[] {
  const centre = [box[0] + box[2] / 2, box[1] + box[3] / 2];
  return neighbours
    .filter((m) => boxIou(m.bbox, box) > 0 && insideShare(m.bbox, box) < INSIDE_SHARE)
    .map((m) => {
      const part = decodeRleInBox(m.rle, m.bbox);
      const p = innerPoint(part.bits, part.width);
      return p && { x: p.x + part.x0, y: p.y + part.y0 };
    })
    .filter((p): p is { x: number; y: number } => !!p)
    .sort((a, b) => Math.hypot(a.x - centre[0], a.y - centre[1]) - Math.hypot(b.x - centre[0], b.y - centre[1]))
    .slice(0, MAX_NEGATIVES);
}

/** The better of the first mask and a box + clicks re-prompt; undefined when the first stays. */
export async function repromptMask(
  embedding: SamEmbedding,
  box: Box,
  first: Mask,
  neighbours: Mask[],
): Promise<Mask | undefined> {
  const { geometry } = embedding;
  const clicks: Click[] = [
    ...(missesTop(first, box) ? [TOP_EDGE, UPPER_CENTRE] : [UPPER_CENTRE]).map((depth) => ({
      x: box[0] + box[2] / 2,
      y: box[1] + depth * box[3],
      label: POSITIVE_CLICK,
    })),
    ...negativePoints(box, neighbours).map((p) => ({ ...p, label: NEGATIVE_CLICK })),
  ];
  const prompt = clicksAndBoxPrompt(clicks, box, geometry);
  const { lowRes, predictedIou } = await decoderLogits(embedding, prompt);
  const second = encodeRegionMask(lowResLogitsToMask(lowRes, geometry, box), geometry);
  const topGap = (m: { bbox: Box }) => Math.max(0, m.bbox[1] - box[1]);
  const better =
    (boxIou(second.bbox, box) > boxIou(first.bbox, box) || topGap(second) < topGap(first)) &&
    predictedIou >= first.predictedIou - IOU_SLACK;
  if (!better) return undefined;
  // The same prompt again with the new logits as the dense prompt, as SAM's interactive loop does: the decoder
  // then drops what the clicks left loose (the street man's mask lets go of the cart's stake).
  const refined = await decoderLogits(embedding, prompt, lowRes);
  return {
    ...encodeRegionMask(lowResLogitsToMask(refined.lowRes, geometry, box), geometry),
    predictedIou: refined.predictedIou,
    source: `${SAM_MASK_SOURCE}, box + clicks, refined`,
  };
}
