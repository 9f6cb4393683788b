/**
 * PP-OCRv4 text recognition (SVTR-LCNet + CTC): the pure parts around one session.run.
 *
 * Input: each text box cropped from the image, resized to height 48 keeping its aspect ratio, normalised to
 * [-1, 1], padded on the right with zeros to the batch's width, NCHW float32 with B, G, R channels (what
 * PaddleOCR's OpenCV pipeline feeds). Output: [batch, steps, 6625] softmax probabilities, one step per 8
 * input columns; class 0 is the CTC blank, classes 1..6623 are the dictionary's lines, 6624 is a space.
 */
import type { Box } from '../../shared/analysis';
import { clamp } from '../../image/clamp';

export const REC_HEIGHT = 48;
/**
 * PaddleOCR's rec_image_shape is 3×48×320: a batch is never narrower than 320 (shorter lines get padding, as
 * in training), and a crop is only squeezed when it is wider than maxWidth.
 */
export const REC_MIN_WIDTH = 320;

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Integer pixel rectangle covering a box, clipped to the image; undefined when nothing is left. */
export function cropRect(box: Box, imageWidth: number, imageHeight: number): CropRect | undefined {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(imageWidth, Math.ceil(box[0] + box[2]));
  const y1 = Math.min(imageHeight, Math.ceil(box[1] + box[3]));
  if (x1 - x0 < 1 || y1 - y0 < 1) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Crops at least 1.5× taller than wide are read rotated 90° counter-clockwise, as PaddleOCR does: a vertical
 * line of CJK characters (shop signs) becomes a horizontal one, read top-to-bottom as left-to-right.
 */
export function isVertical(crop: CropRect): boolean {
  return crop.height / crop.width >= 1.5;
}

/** Width a crop gets at height 48: its aspect ratio kept, rounded up as PaddleOCR does, capped at maxWidth. */
export function recWidth(crop: CropRect, maxWidth: number): number {
  const [w, h] = isVertical(crop) ? [crop.height, crop.width] : [crop.width, crop.height];
  return Math.max(1, Math.min(maxWidth, Math.ceil((REC_HEIGHT * w) / h)));
}

/**
 * Writes one crop into slot `index` of a [n, 3, 48, batchWidth] tensor: bilinear resize (OpenCV's
 * half-pixel convention, like cv2.resize in PaddleOCR) to targetWidth × 48, BGR, (x/255 − 0.5)/0.5.
 * Columns past targetWidth stay 0, PaddleOCR's padding. Vertical crops are rotated first (isVertical).
 */
export function packRecCrop(
  tensor: Float32Array,
  index: number,
  batchWidth: number,
  rgb: Uint8Array,
  imageWidth: number,
  crop: CropRect,
  targetWidth: number,
): void {
  const plane = REC_HEIGHT * batchWidth;
  const base = index * 3 * plane;
  const rotate = isVertical(crop);
  // Size of the (possibly rotated) crop the resize reads from.
  const sw = rotate ? crop.height : crop.width;
  const sh = rotate ? crop.width : crop.height;
  const fx = sw / targetWidth;
  const fy = sh / REC_HEIGHT;
  for (let dy = 0; dy < REC_HEIGHT; dy++) {
    const v = clamp((dy + 0.5) * fy - 0.5, 0, sh - 1);
    for (let dx = 0; dx < targetWidth; dx++) {
      const u = clamp((dx + 0.5) * fx - 0.5, 0, sw - 1);
      // Counter-clockwise rotation: rotated (u, v) is original (x = width − 1 − v, y = u).
      const ox = rotate ? crop.width - 1 - v : u;
      const oy = rotate ? u : v;
      const x0 = Math.floor(ox);
      const y0 = Math.floor(oy);
      const x1 = Math.min(x0 + 1, crop.width - 1);
      const y1 = Math.min(y0 + 1, crop.height - 1);
      const wx = ox - x0;
      const wy = oy - y0;
      const a = ((crop.y + y0) * imageWidth + crop.x + x0) * 3;
      const b = ((crop.y + y0) * imageWidth + crop.x + x1) * 3;
      const c = ((crop.y + y1) * imageWidth + crop.x + x0) * 3;
      const d = ((crop.y + y1) * imageWidth + crop.x + x1) * 3;
      const dst = base + dy * batchWidth + dx;
      for (let ch = 0; ch < 3; ch++) {
        const s = 2 - ch; // tensor channel 0 is blue, the RGB source's channel 2
        const top = rgb[a + s] + (rgb[b + s] - rgb[a + s]) * wx;
        const bottom = rgb[c + s] + (rgb[d + s] - rgb[c + s]) * wx;
        tensor[dst + ch * plane] = (top + (bottom - top) * wy) / 127.5 - 1;
      }
    }
  }
}

export interface Decoded {
  text: string;
  /** Mean of the kept steps' top probabilities; 0 when nothing was kept. */
  confidence: number;
}

/**
 * CTC greedy decoding of one sequence: the most likely class at each step, repeats collapsed, blanks (0)
 * dropped. `charset[i - 1]` is class i's character (the dictionary plus the trailing space).
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  charset: readonly string[],
): Decoded {
  if (probs.length !== steps * classes)
    throw new Error(`CTC output has ${probs.length} values; expected ${steps}×${classes}.`);
  let text = '';
  let sum = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row];
    for (let c = 1; c < classes; c++) {
      if (probs[row + c] > bestP) {
        bestP = probs[row + c];
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += charset[best - 1] ?? '';
      sum += bestP;
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept > 0 ? sum / kept : 0 };
}

/** Dictionary file → charset: one character per line, then the space PaddleOCR appends (use_space_char). */
export function parseCharset(keysText: string): string[] {
  const lines = keysText.replace(/\r/g, '').split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // trailing newline, not an empty character
  return [...lines, ' '];
}
