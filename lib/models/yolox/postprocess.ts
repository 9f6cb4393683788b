/**
 * YOLOX output decoding: grid rows for strides 8, 16, 32 → scored boxes in image pixels.
 * Each row is (dx, dy, log w, log h, objectness, class probabilities...), see MODELS.md. Passes are merged in ../detector.ts.
 */
import type { ScoredBox } from '../detection';
import { COCO_CLASSES } from './classes';
import { YOLOX_INPUT_SIZE } from './preprocess';
import { clamp } from '../../image/clamp';

export const YOLOX_STRIDES = [8, 16, 32] as const;

export interface DecodeParams {
  /** Letterbox scale (image px × r = input px). */
  r: number;
  imageWidth: number;
  imageHeight: number;
  scoreFloor: number;
  inputSize?: number;
  numClasses?: number;
}

/**
 * Every (row, class) pair whose objectness × class probability reaches the floor, as a clipped image-space
 * box. A row may yield several classes, as in YOLOX's class-aware multiclass_nms.
 */
export function decodeRows(output: Float32Array, params: DecodeParams): ScoredBox[] {
  const { r, imageWidth, imageHeight, scoreFloor } = params;
  const inputSize = params.inputSize ?? YOLOX_INPUT_SIZE;
  const numClasses = params.numClasses ?? COCO_CLASSES.length;
  const rowLength = 5 + numClasses;
  const found: ScoredBox[] = [];
  let row = 0;
  for (const stride of YOLOX_STRIDES) {
    const grid = inputSize / stride;
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++, row++) {
        const o = row * rowLength;
        const objectness = output[o + 4];
        if (objectness < scoreFloor) continue; // class probabilities are ≤ 1, so no class can reach the floor
        const cx = (output[o] + gx) * stride;
        const cy = (output[o + 1] + gy) * stride;
        const w = Math.exp(output[o + 2]) * stride;
        const h = Math.exp(output[o + 3]) * stride;
        const x0 = clamp((cx - w / 2) / r, 0, imageWidth);
        const y0 = clamp((cy - h / 2) / r, 0, imageHeight);
        const x1 = clamp((cx + w / 2) / r, 0, imageWidth);
        const y1 = clamp((cy + h / 2) / r, 0, imageHeight);
        if (x1 - x0 < 1 || y1 - y0 < 1) continue; // nothing left inside the image
        for (let c = 0; c < numClasses; c++) {
          const score = objectness * output[o + 5 + c];
          if (score >= scoreFloor) found.push({ classIndex: c, score, box: [x0, y0, x1 - x0, y1 - y0] });
        }
      }
    }
  }
  if (row * rowLength !== output.length) {
    throw new Error(`YOLOX output has ${output.length} values; expected ${row} rows of ${rowLength}.`);
  }
  return found;
}
