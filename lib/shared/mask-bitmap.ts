/**
 * Client-side masks: each RLE is decoded once, cropped to its tight box (a full-resolution bitmap per entity
 * would cost megabytes each) and painted once into an offscreen canvas at image resolution. Konva then only
 * scales that canvas; nothing is re-decoded per frame, per hover or per slider move.
 */
import type { Box, Mask } from '@/lib/shared/analysis';
import { decodeRleInBox, maskStats } from '@/lib/shared/rle';
import { hexToRgb } from './color';

export interface ClientMask {
  entityId: string;
  /** Tight box of the foreground in image pixels: [x, y, w, h]. `bits` covers exactly this box. */
  bbox: Box;
  /** Row-major 0/1 bitmap of the box: bits[(y - bbox[1]) * bbox[2] + (x - bbox[0])]. */
  bits: Uint8Array;
  area: number;
  /** Mean foreground position in image pixels. */
  centroid: [number, number];
  predictedIou: number;
  source: string;
}

/**
 * Decodes a wire mask into a cropped bitmap, only inside the box the server sent (its tight bbox), so a
 * 12 MP photo's masks cost their boxes, not the photo. The box is then tightened to what was decoded.
 * Returns null for an empty mask (nothing to draw or hover).
 */
export function decodeMask(entityId: string, mask: Mask): ClientMask | null {
  const inBox = decodeRleInBox(mask.rle, mask.bbox);
  const tight = maskStats(inBox.bits, inBox.height, inBox.width);
  const area = tight.area;
  if (area === 0) return null;
  const bbox: Box = [inBox.x0 + tight.bbox[0], inBox.y0 + tight.bbox[1], tight.bbox[2], tight.bbox[3]];
  const [x0, y0, w, h] = bbox;
  const bits = new Uint8Array(w * h);
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < h; y++) {
    const sourceRow = (y0 - inBox.y0 + y) * inBox.width + (x0 - inBox.x0);
    for (let x = 0; x < w; x++) {
      if (!inBox.bits[sourceRow + x]) continue;
      bits[y * w + x] = 1;
      sumX += x;
      sumY += y;
    }
  }
  // +0.5: the centroid of pixel (x, y) is its centre, not its top-left corner.
  const centroid: [number, number] = [x0 + sumX / area + 0.5, y0 + sumY / area + 0.5];
  return { entityId, bbox, bits, area, centroid, predictedIou: mask.predictedIou, source: mask.source };
}

export function maskContains(mask: ClientMask, x: number, y: number): boolean {
  const [x0, y0, w, h] = mask.bbox;
  const px = Math.floor(x) - x0;
  const py = Math.floor(y) - y0;
  if (px < 0 || py < 0 || px >= w || py >= h) return false;
  return mask.bits[py * w + px] === 1;
}

/** Masks within this area ratio of the smallest hit are taken as one object found twice (truck / car). */
export const SAME_OBJECT_AREA_RATIO = 1.25;

/**
 * The entity under image pixel (x, y): of all masks containing it, the one with the smallest area, so a
 * small object lying on a big one (a cup on a table) stays reachable. When the detector labelled one object
 * twice, the masks are nearly the same size and the smaller one would hide the other everywhere; among
 * masks of similar size the higher score (`scoreOf`) wins instead, so the better label is the one hovered.
 */
export function hitTest(
  masks: Iterable<ClientMask>,
  x: number,
  y: number,
  scoreOf?: (entityId: string) => number,
): string | null {
  const hits: ClientMask[] = [];
  let smallest: ClientMask | null = null;
  for (const mask of masks) {
    if (!maskContains(mask, x, y)) continue;
    hits.push(mask);
    if (!smallest || mask.area < smallest.area) smallest = mask;
  }
  if (!smallest || !scoreOf) return smallest?.entityId ?? null;
  let best = smallest;
  for (const mask of hits) {
    if (mask.area <= smallest.area * SAME_OBJECT_AREA_RATIO && scoreOf(mask.entityId) > scoreOf(best.entityId))
      best = mask;
  }
  return best.entityId;
}

/** Fallback for entities without a mask yet: smallest box containing the point. */
export function hitTestBoxes(boxes: Iterable<{ id: string; box: Box }>, x: number, y: number): string | null {
  let bestId: string | null = null;
  let bestArea = Infinity;
  for (const { id, box } of boxes) {
    const [bx, by, bw, bh] = box;
    if (x < bx || y < by || x > bx + bw || y > by + bh) continue;
    if (bw * bh < bestArea) {
      bestArea = bw * bh;
      bestId = id;
    }
  }
  return bestId;
}

/**
 * A point (image pixels) where hovering selects this mask: the centroid when it hits this entity, otherwise
 * the sampled pixel nearest to it whose neighbourhood (±margin px) all hit this entity. A centroid can fall
 * outside a ring-shaped mask or onto a smaller object on top, so it cannot be used blindly.
 */
export function pickHoverPoint(
  mask: ClientMask,
  all: readonly ClientMask[],
  margin = 2,
  scoreOf?: (entityId: string) => number,
): [number, number] | null {
  const hitsSelf = (x: number, y: number) => hitTest(all, x, y, scoreOf) === mask.entityId;
  const solid = (x: number, y: number) =>
    hitsSelf(x, y) &&
    hitsSelf(x - margin, y) &&
    hitsSelf(x + margin, y) &&
    hitsSelf(x, y - margin) &&
    hitsSelf(x, y + margin);
  const [cx, cy] = mask.centroid;
  if (solid(cx, cy)) return [cx, cy];
  const [x0, y0, w, h] = mask.bbox;
  // A grid of about 4,000 samples bounds the cost on big masks while still finding thin parts.
  const step = Math.max(1, Math.floor(Math.sqrt((w * h) / 4000)));
  let best: [number, number] | null = null;
  let bestDistance = Infinity;
  for (let y = y0 + step / 2; y < y0 + h; y += step) {
    for (let x = x0 + step / 2; x < x0 + w; x += step) {
      const distance = (x - cx) ** 2 + (y - cy) ** 2;
      if (distance < bestDistance && solid(x, y)) {
        best = [x, y];
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** RGBA pixels of the cropped mask in one colour, transparent elsewhere (opacity is applied by Konva). */
export function maskPixels(mask: ClientMask, hex: string): Uint8ClampedArray<ArrayBuffer> {
  const [r, g, b] = hexToRgb(hex);
  const pixels = new Uint8ClampedArray(new ArrayBuffer(mask.bits.length * 4));
  for (let i = 0; i < mask.bits.length; i++) {
    if (!mask.bits[i]) continue;
    pixels[i * 4] = r;
    pixels[i * 4 + 1] = g;
    pixels[i * 4 + 2] = b;
    pixels[i * 4 + 3] = 255;
  }
  return pixels;
}

/** Browser only: an offscreen canvas the size of the mask's box, painted once in the entity's light colour. */
export function paintMaskCanvas(mask: ClientMask, hex: string): HTMLCanvasElement {
  const [, , w, h] = mask.bbox;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d');
  if (context) context.putImageData(new ImageData(maskPixels(mask, hex), w, h), 0, 0);
  return canvas;
}
