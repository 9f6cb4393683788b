/**
 * SAM decoder with click prompts (point mode): positive and negative points in image pixels → one mask. Same
 * decoder and post-processing as box prompts; the region to upsample is found from the low-res logits instead of
 * a box, so a click costs what a box costs (one decoder run, work proportional to the object).
 */
import type { Box, Mask } from '../../shared/analysis';
import { decoderLogits, SAM_MASK_SOURCE } from './decoder';
import type { SamEmbedding } from './encoder';
import { encodeRegionMask, lowResLogitsToMask } from './postprocess';
import { SAM_INPUT_SIZE, SAM_LOW_RES_SIZE, type SamGeometry } from './preprocess';
import type { SamPrompt } from './prompt';

export interface PointClick {
  x: number;
  y: number;
  positive: boolean;
}

/** SAM ONNX point labels (MODELS.md): 1 positive click, 0 negative, −1 the padding point added when there is no box. */
const POSITIVE = 1;
const NEGATIVE = 0;
const PADDING = -1;

/** Clicks scaled per axis into the 1024 frame, plus SAM's padding point (0, 0) since no box is given. */
export function pointPrompt(points: PointClick[], geometry: SamGeometry): SamPrompt {
  const sx = geometry.resizedWidth / geometry.width;
  const sy = geometry.resizedHeight / geometry.height;
  const coords = new Float32Array(2 * (points.length + 1));
  const labels = new Float32Array(points.length + 1);
  points.forEach((p, i) => {
    coords[2 * i] = p.x * sx;
    coords[2 * i + 1] = p.y * sy;
    labels[i] = p.positive ? POSITIVE : NEGATIVE;
  });
  labels[points.length] = PADDING;
  return { coords, labels };
}

/**
 * Image-pixel box around the positive low-res cells (inside the image, not the padding), one cell wider on each
 * side so bilinear upsampling cannot reach past it; undefined when no cell is positive.
 */
export function positiveCellsBox(lowRes: Float32Array, geometry: SamGeometry): Box | undefined {
  const cellsPerPixel = SAM_LOW_RES_SIZE / SAM_INPUT_SIZE;
  const columns = Math.ceil(geometry.resizedWidth * cellsPerPixel);
  const rows = Math.ceil(geometry.resizedHeight * cellsPerPixel);
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < rows; y++) {
    for (let x = 0, i = y * SAM_LOW_RES_SIZE; x < columns; x++, i++) {
      if (lowRes[i] <= 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return undefined;
  const toX = (cell: number) =>
    Math.min(geometry.width, Math.max(0, (cell / cellsPerPixel) * (geometry.width / geometry.resizedWidth)));
  const toY = (cell: number) =>
    Math.min(geometry.height, Math.max(0, (cell / cellsPerPixel) * (geometry.height / geometry.resizedHeight)));
  const left = toX(x0 - 1),
    top = toY(y0 - 1);
  return [left, top, toX(x1 + 2) - left, toY(y1 + 2) - top];
}

export async function segmentPoints(embedding: SamEmbedding, points: PointClick[]): Promise<Mask> {
  const { lowRes, predictedIou } = await decoderLogits(embedding, pointPrompt(points, embedding.geometry));
  const { width, height } = embedding.geometry;
  const box = positiveCellsBox(lowRes, embedding.geometry);
  if (!box)
    return {
      rle: { size: [height, width], counts: [width * height] },
      area: 0,
      bbox: [0, 0, 0, 0],
      predictedIou,
      source: SAM_MASK_SOURCE,
    };
  const regionMask = lowResLogitsToMask(lowRes, embedding.geometry, box);
  return { ...encodeRegionMask(regionMask, embedding.geometry), predictedIou, source: SAM_MASK_SOURCE };
}
