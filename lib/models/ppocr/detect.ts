/**
 * PP-OCRv4 text detection (DB, "Differentiable Binarization"): the pure parts around one session.run.
 *
 * Input: the image resized so its longer side is at most 960 px and both sides are multiples of 32 (the
 * network downsamples by 32), normalised with the ImageNet mean/std that PaddleOCR uses, NCHW float32.
 * Output: one probability map of the input's size, "this pixel is inside a (shrunk) text region".
 *
 * The map is turned into boxes as PaddleOCR's DBPostProcess does, with one simplification: regions are
 * axis-aligned boxes around connected components rather than OpenCV's rotated minimum-area rectangles.
 * The recogniser only reads horizontal lines well anyway, and photos with tilted text lose a little margin
 * at the corners rather than the line.
 */
import type { Box } from '../../shared/analysis';
import { forEachComponent } from '../../image/masks/components';
import { clamp } from '../../image/clamp';

/** PaddleOCR's det_limit_side_len with limit_type "max". */
export const DET_MAX_SIDE = 960;
const STRIDE = 32;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetGeometry {
  width: number;
  height: number;
}

/**
 * Input size for an image: scaled down (never up) so the longer side is ≤ maxSide, then each side rounded
 * to the nearest multiple of 32 with a floor of 32, as PaddleOCR's DetResizeForTest. Rounding may enlarge a
 * side by up to 16 px, which is the only "upscaling" small images get.
 */
export function detInputSize(width: number, height: number, maxSide = DET_MAX_SIDE): DetGeometry {
  const ratio = Math.max(width, height) > maxSide ? maxSide / Math.max(width, height) : 1;
  const round32 = (v: number) => Math.max(STRIDE, Math.round((v * ratio) / STRIDE) * STRIDE);
  return { width: round32(width), height: round32(height) };
}

/**
 * Packs resized RGB bytes into the model's NCHW tensor. PaddleOCR reads images with OpenCV, so its
 * channels are B, G, R and MEAN[0]/STD[0] apply to blue; we feed the same order ("bgr", the default).
 * On the sample photos neither order wins clearly (both find "Acabamento", "Iluminaco", "空调开放"; bgr scores
 * the billboard lines a little higher, rgb splits one price tag differently), so we keep PaddleOCR's.
 */
export function packDetInput(
  rgb: Uint8Array,
  width: number,
  height: number,
  order: 'bgr' | 'rgb' = 'bgr',
): Float32Array {
  const plane = width * height;
  const out = new Float32Array(3 * plane);
  const src = order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * STD[c]);
    const offset = MEAN[c] / STD[c];
    const s = src[c];
    const base = c * plane;
    for (let i = 0; i < plane; i++) out[base + i] = rgb[i * 3 + s] * scale - offset;
  }
  return out;
}

export interface DbParams {
  /** Pixel threshold on the probability map (PaddleOCR det_db_thresh). */
  threshold: number;
  /** Minimum mean probability inside a region (det_db_box_thresh). */
  boxThreshold: number;
  /** Expansion that undoes the training-time shrink (det_db_unclip_ratio). */
  unclipRatio: number;
  /** Regions whose shorter side is under this many map pixels are noise. */
  minSize: number;
  /** Cap on regions considered, as PaddleOCR's max_candidates. */
  maxCandidates: number;
}

export const DB_DEFAULTS: DbParams = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export interface TextBox {
  /** [x, y, w, h] in image pixels. */
  box: Box;
  /** Mean probability inside the region. */
  score: number;
}

export interface DbInput {
  /** Probability map, row-major, mapWidth × mapHeight. */
  prob: Float32Array;
  mapWidth: number;
  mapHeight: number;
  imageWidth: number;
  imageHeight: number;
}

/** DB postprocess: probability map → scored text boxes in image pixels, in reading order. */
export function dbPostprocess(input: DbInput, params: Partial<DbParams> = {}): TextBox[] {
  const p = { ...DB_DEFAULTS, ...params };
  const { prob, mapWidth: mw, mapHeight: mh, imageWidth: iw, imageHeight: ih } = input;
  if (prob.length !== mw * mh) throw new Error(`DB map has ${prob.length} values; expected ${mw}×${mh}.`);
  const binary = new Uint8Array(mw * mh);
  for (let i = 0; i < binary.length; i++) binary[i] = prob[i] > p.threshold ? 1 : 0;

  const sx = iw / mw;
  const sy = ih / mh;
  const found: TextBox[] = [];
  let candidates = 0;
  forEachComponent(binary, mw, mh, 1, ({ pixels }) => {
    if (candidates++ >= p.maxCandidates) return;
    let x0 = mw,
      y0 = mh,
      x1 = -1,
      y1 = -1,
      sum = 0;
    for (let k = 0; k < pixels.length; k++) {
      const i = pixels[k];
      const x = i % mw;
      const y = (i - x) / mw;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += prob[i];
    }
    // Pixel-edge extent: a component covering columns x0..x1 is x1 − x0 + 1 wide.
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < p.minSize) return;
    const score = sum / pixels.length;
    if (score < p.boxThreshold) return;
    // DB trains on regions shrunk by D = A(1 − r²)/L; growing the box by A·ratio/L restores the text's extent.
    const d = (w * h * p.unclipRatio) / (2 * (w + h));
    const bx0 = clamp((x0 - d) * sx, 0, iw);
    const by0 = clamp((y0 - d) * sy, 0, ih);
    const bx1 = clamp((x1 + 1 + d) * sx, 0, iw);
    const by1 = clamp((y1 + 1 + d) * sy, 0, ih);
    if (bx1 - bx0 < 1 || by1 - by0 < 1) return;
    found.push({ box: [bx0, by0, bx1 - bx0, by1 - by0], score });
  });
  return readingOrder(found);
}

/**
 * Top-to-bottom, then left-to-right among boxes on the same line: PaddleOCR's sorted_boxes, which sorts by
 * top edge and then swaps neighbours whose tops are within 10 px but whose x order is reversed.
 */
export function readingOrder<T extends { box: Box }>(items: T[], sameLinePx = 10): T[] {
  const sorted = [...items].sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
  for (let i = 0; i < sorted.length - 1; i++) {
    for (let j = i; j >= 0; j--) {
      const a = sorted[j];
      const b = sorted[j + 1];
      if (Math.abs(b.box[1] - a.box[1]) < sameLinePx && b.box[0] < a.box[0]) {
        sorted[j] = b;
        sorted[j + 1] = a;
      } else break;
    }
  }
  return sorted;
}
