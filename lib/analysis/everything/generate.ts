/**
 * Everything mode: SAM's automatic mask generation (segment-anything's AutomaticMaskGenerator) over the cached
 * image embedding: a points_per_side² grid of single positive clicks, each decoded to a mask, kept when the
 * decoder's predicted IoU and the mask's stability score are high, de-duplicated by box NMS, holes and specks
 * removed (lib/sam postprocess). Two departures, both for speed on a 2-core CPU where one decoder run costs
 * ~50–250 ms (this ONNX decoder takes one prompt per run and has one mask output, so no batching and no
 * multimask): the grid is visited coarse to fine and a point inside a mask already accepted is not decoded
 * (it would mostly return that mask again), and decoding stops at a time budget. The result says how many
 * points were decoded and whether the budget cut the grid short.
 */
import type { Box, Mask } from '../../shared/analysis';
import { SAM_MASK_SOURCE } from '../../models/sam';
import { decoderLogits } from '../../models/sam/decoder';
import type { SamEmbedding } from '../../models/sam/encoder';
import { positiveCellsBox, pointPrompt } from '../../models/sam/points';
import { encodeRegionMask, lowResLogitsToMask } from '../../models/sam/postprocess';
import { SAM_INPUT_SIZE, SAM_LOW_RES_SIZE } from '../../models/sam/preprocess';

import { coarseToFine, gridPoints } from './grid';
import { boxIou } from '@/lib/shared/box';

export interface EverythingOptions {
  pointsPerSide: number;
  /** segment-anything's pred_iou_thresh is 0.88 for ViT-H; a distilled decoder predicts lower IoUs. */
  minPredictedIou: number;
  /** stability_score_thresh (0.95 in segment-anything), at its offset of 1 logit. */
  minStability: number;
  /** box_nms_thresh. */
  nmsIou: number;
  /** Masks smaller than this share of the image are specks, not regions. */
  minAreaShare: number;
  budgetMs: number;
}

export const EVERYTHING_DEFAULTS: EverythingOptions = {
  pointsPerSide: 32,
  minPredictedIou: 0.8,
  minStability: 0.9,
  nmsIou: 0.7,
  minAreaShare: 0.001,
  budgetMs: 3000,
};

const STABILITY_OFFSET = 1;

export interface GeneratedRegion {
  mask: Mask;
  box: Box;
  predictedIou: number;
  stability: number;
  /** Low-res logits (256², over SAM's padded 1024 frame), kept for naming by the class map under it. */
  lowRes: Float32Array;
}

export interface EverythingResult {
  regions: GeneratedRegion[];
  pointsTotal: number;
  pointsDecoded: number;
  pointsSkipped: number;
  cutByBudget: boolean;
  ms: number;
}

/** Share of the mask (logits > −offset) that stays when the cut-off rises to +offset: how crisp its edge is. */
export function stabilityScore(lowRes: Float32Array, offset = STABILITY_OFFSET): number {
  let loose = 0,
    tight = 0;
  for (let i = 0; i < lowRes.length; i++) {
    if (lowRes[i] > -offset) loose++;
    if (lowRes[i] > offset) tight++;
  }
  return loose > 0 ? tight / loose : 0;
}

const lowResIndex = (x: number, y: number, sx: number, sy: number) => {
  const scale = SAM_LOW_RES_SIZE / SAM_INPUT_SIZE;
  return (
    Math.min(SAM_LOW_RES_SIZE - 1, Math.floor(y * sy * scale)) * SAM_LOW_RES_SIZE +
    Math.min(SAM_LOW_RES_SIZE - 1, Math.floor(x * sx * scale))
  );
};

export async function generateEverything(
  embedding: SamEmbedding,
  options: Partial<EverythingOptions> = {},
  checkCancelled: () => void = () => {},
): Promise<EverythingResult> {
  const o = { ...EVERYTHING_DEFAULTS, ...options };
  const started = performance.now();
  const { geometry } = embedding;
  const sx = geometry.resizedWidth / geometry.width,
    sy = geometry.resizedHeight / geometry.height;
  const points = coarseToFine(gridPoints(o.pointsPerSide, geometry.width, geometry.height), o.pointsPerSide);
  const candidates: GeneratedRegion[] = [];
  let decoded = 0,
    skipped = 0,
    cutByBudget = false;
  const minArea = o.minAreaShare * geometry.width * geometry.height;
  for (const p of points) {
    if (performance.now() - started > o.budgetMs) {
      cutByBudget = true;
      break;
    }
    const cell = lowResIndex(p.x, p.y, sx, sy);
    if (candidates.some((c) => c.lowRes[cell] > 0)) {
      skipped++;
      continue;
    }
    checkCancelled();
    const { lowRes, predictedIou } = await decoderLogits(embedding, pointPrompt([{ ...p, positive: true }], geometry));
    decoded++;
    if (predictedIou < o.minPredictedIou) continue;
    const stability = stabilityScore(lowRes);
    if (stability < o.minStability) continue;
    const box = positiveCellsBox(lowRes, geometry);
    if (!box) continue;
    const mask = {
      ...encodeRegionMask(lowResLogitsToMask(lowRes, geometry, box), geometry),
      predictedIou,
      source: `${SAM_MASK_SOURCE} automatic`,
    };
    if (mask.area < minArea) continue;
    candidates.push({ mask, box: mask.bbox, predictedIou, stability, lowRes });
  }
  // Box NMS, best predicted IoU first, as the reference does (within one crop).
  const kept: GeneratedRegion[] = [];
  for (const c of [...candidates].sort((a, b) => b.predictedIou - a.predictedIou)) {
    if (!kept.some((k) => boxIou(k.box, c.box) > o.nmsIou)) kept.push(c);
  }
  return {
    regions: kept,
    pointsTotal: points.length,
    pointsDecoded: decoded,
    pointsSkipped: skipped,
    cutByBudget,
    ms: performance.now() - started,
  };
}
