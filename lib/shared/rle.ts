/**
 * COCO-style uncompressed RLE for binary masks (see RleSchema). Masks in memory are row-major Uint8Arrays
 * (1 = object); the wire format walks pixels column by column, as COCO does, so exported masks load in
 * pycocotools unchanged.
 */
import type { Box, Rle } from './analysis';

export function encodeRle(mask: Uint8Array, height: number, width: number): Rle {
  const counts: number[] = [];
  let current = 0; // runs start with background
  let run = 0;
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const value = mask[y * width + x] ? 1 : 0;
      if (value !== current) {
        counts.push(run);
        run = 0;
        current = value;
      }
      run++;
    }
  }
  counts.push(run);
  return { size: [height, width], counts };
}

export function decodeRle(rle: Rle): Uint8Array {
  const [height, width] = rle.size;
  const mask = new Uint8Array(height * width);
  let index = 0; // position in column-major order
  let value = 0;
  for (const count of rle.counts) {
    if (value === 1) {
      for (let i = index; i < index + count; i++) {
        const x = Math.floor(i / height);
        const y = i - x * height;
        mask[y * width + x] = 1;
      }
    }
    index += count;
    value ^= 1;
  }
  return mask;
}

/** Foreground pixel count and tight bounding box of a row-major mask. */
export function maskStats(mask: Uint8Array, height: number, width: number): { area: number; bbox: Box } {
  let area = 0;
  let minX = width, minY = height, maxX = -1, maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!mask[row + x]) continue;
      area++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const bbox: Box = area ? [minX, minY, maxX - minX + 1, maxY - minY + 1] : [0, 0, 0, 0];
  return { area, bbox };
}
