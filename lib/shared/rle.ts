/**
 * COCO-style uncompressed RLE for binary masks (see RleSchema). Masks in memory are row-major Uint8Arrays
 * (1 = object); the wire format walks pixels column by column, as COCO does, so exported masks load in
 * pycocotools unchanged.
 */
import type { Box, Rle } from './analysis';

/**
 * The one COCO RLE writer: takes runs in column-major order (any lengths, zero-length ones and neighbours of one
 * value allowed) and keeps the counts canonical, starting with background. Every encoder below and the SAM
 * post-processing (lib/image/masks/scaled-rle.ts) write through it.
 */
export class RleWriter {
  private readonly counts: number[] = [];
  private current = 0;
  private run = 0;

  add(value: 0 | 1, n: number): void {
    if (n <= 0) return;
    if (value === this.current) this.run += n;
    else {
      this.counts.push(this.run);
      this.current = value;
      this.run = n;
    }
  }

  finish(height: number, width: number): Rle {
    return { size: [height, width], counts: [...this.counts, this.run] };
  }
}

export function encodeRle(mask: Uint8Array, height: number, width: number): Rle {
  return encodeRleInBox(mask, [0, 0, width, height], height, width);
}

/**
 * A mask held only inside `box` ([x, y, w, h] in image pixels, inside the image; `bits` row-major over it, zero
 * outside) as the whole image's RLE, without pasting it to full size: work follows the box, not the image.
 */
export function encodeRleInBox(bits: Uint8Array, box: Box, height: number, width: number): Rle {
  const [bx, by, bw, bh] = box;
  const writer = new RleWriter();
  writer.add(0, bx * height);
  for (let x = 0; x < bw; x++) {
    writer.add(0, by);
    for (let y = 0, i = x; y < bh; y++, i += bw) writer.add(bits[i] ? 1 : 0, 1);
    writer.add(0, height - by - bh);
  }
  writer.add(0, (width - bx - bw) * height);
  return writer.finish(height, width);
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

/**
 * The part of a mask inside `box` ([x, y, w, h], clipped to the image) as a row-major w × h bitmap, without
 * building the full-size mask: cost follows the runs and the box, not the image (a 12 MP mask would
 * otherwise cost 12 MB and a full pass each). Foreground outside the box is dropped.
 */
export function decodeRleInBox(
  rle: Rle,
  box: Box,
): { x0: number; y0: number; width: number; height: number; bits: Uint8Array } {
  const [imageHeight, imageWidth] = rle.size;
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const width = Math.max(0, Math.min(imageWidth, Math.ceil(box[0] + box[2])) - x0);
  const height = Math.max(0, Math.min(imageHeight, Math.ceil(box[1] + box[3])) - y0);
  const bits = new Uint8Array(width * height);
  let index = 0; // position in column-major order
  let value = 0;
  for (const count of rle.counts) {
    // A run may span columns: walk it column by column, writing only the rows inside the box.
    for (let start = index, end = index + count; value === 1 && start < end; ) {
      const x = Math.floor(start / imageHeight);
      const columnEnd = Math.min(end, (x + 1) * imageHeight);
      if (x >= x0 && x < x0 + width) {
        const top = Math.max(start - x * imageHeight, y0);
        const bottom = Math.min(columnEnd - x * imageHeight, y0 + height);
        for (let y = top; y < bottom; y++) bits[(y - y0) * width + (x - x0)] = 1;
      }
      start = columnEnd;
    }
    index += count;
    value ^= 1;
  }
  return { x0, y0, width, height, bits };
}

/**
 * Calls visit(x, top, bottom) for every foreground run of a COCO RLE cut at column ends: rows [top, bottom) of
 * image column x. Per-pixel work on a mask (counting, summing) can then go a column run at a time.
 */
export function forEachColumnRun(rle: Rle, visit: (x: number, top: number, bottom: number) => void): void {
  const height = rle.size[0];
  let index = 0; // position in column-major order
  rle.counts.forEach((count, i) => {
    for (let start = index, end = index + count; i % 2 === 1 && start < end; ) {
      const x = Math.floor(start / height);
      const columnEnd = Math.min(end, (x + 1) * height);
      visit(x, start - x * height, columnEnd - x * height);
      start = columnEnd;
    }
    index += count;
  });
}

/** Foreground pixel count and tight bounding box of a row-major mask. */
export function maskStats(mask: Uint8Array, height: number, width: number): { area: number; bbox: Box } {
  let area = 0;
  let minX = width,
    minY = height,
    maxX = -1,
    maxY = -1;
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

/** Foreground pixel count and tight bounding box, in image pixels, of a mask held inside `box` (as encodeRleInBox). */
export function maskStatsInBox(bits: Uint8Array, box: Box): { area: number; bbox: Box } {
  const { area, bbox } = maskStats(bits, box[3], box[2]);
  return { area, bbox: area ? [bbox[0] + box[0], bbox[1] + box[1], bbox[2], bbox[3]] : bbox };
}

/**
 * Whether pixel (x, y) is set, for a mask read at a few points (relations sample ~2 000): a binary search over
 * the runs' ends (`runEnds`, built once per mask) instead of decoding the pixels around them.
 */
export function rleAt(runEnds: Float64Array, height: number, x: number, y: number): number {
  const position = x * height + y; // column-major
  let low = 0,
    high = runEnds.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runEnds[middle] > position) high = middle;
    else low = middle + 1;
  }
  return low < runEnds.length ? low & 1 : 0; // odd runs are foreground
}

/** Where each run of the RLE ends, in column-major positions: rleAt's index. */
export function rleRunEnds(rle: Rle): Float64Array {
  const ends = new Float64Array(rle.counts.length);
  let position = 0;
  rle.counts.forEach((count, i) => (ends[i] = position += count));
  return ends;
}
