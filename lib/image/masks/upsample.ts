/**
 * Bilinear upsampling of SAM's low-resolution logits into image pixels, only inside a region of interest.
 * SAM's own postprocessing upsamples the whole 256² map to 1024², crops and resizes to the image: for a
 * 12 MP photo and ten boxes that is most of the decoder's time, and nearly all of it lands outside the
 * objects. Sampling the logits directly at each image pixel's centre (half-pixel convention, edges clamped,
 * as torch's align_corners=False) gives the same boundary to within a pixel.
 */

/** Integer pixel bounds [x0, x1) × [y0, y1) inside the image. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LogitGrid {
  data: Float32Array;
  width: number;
  height: number;
  /** Logit-grid cells per image pixel, horizontally and vertically. */
  scaleX: number;
  scaleY: number;
}

/** The box [x, y, w, h] grown by `margin` of its size on each side, rounded outwards and clipped to the image. */
export function expandBox(box: readonly number[], margin: number, width: number, height: number): Region {
  const [x, y, w, h] = box;
  return {
    x0: Math.max(0, Math.floor(x - w * margin)),
    y0: Math.max(0, Math.floor(y - h * margin)),
    x1: Math.min(width, Math.ceil(x + w * (1 + margin))),
    y1: Math.min(height, Math.ceil(y + h * (1 + margin))),
  };
}

/** 1 where the bilinearly interpolated logit is > 0, for each pixel of the region (row-major, region-sized). */
export function thresholdUpsampled(grid: LogitGrid, region: Region): Uint8Array {
  const regionWidth = region.x1 - region.x0;
  const regionHeight = region.y1 - region.y0;
  const out = new Uint8Array(Math.max(0, regionWidth * regionHeight));
  if (regionWidth <= 0 || regionHeight <= 0) return out;

  // Per column: the two grid columns and the weight of the right one; computed once, used on every row.
  const left = new Int32Array(regionWidth);
  const right = new Int32Array(regionWidth);
  const wx = new Float32Array(regionWidth);
  for (let i = 0; i < regionWidth; i++) {
    const u = (region.x0 + i + 0.5) * grid.scaleX - 0.5;
    [left[i], right[i], wx[i]] = neighbours(u, grid.width);
  }
  const { data, width } = grid;
  for (let j = 0; j < regionHeight; j++) {
    const [top, bottom, wy] = neighbours((region.y0 + j + 0.5) * grid.scaleY - 0.5, grid.height);
    const topRow = top * width;
    const bottomRow = bottom * width;
    const row = j * regionWidth;
    for (let i = 0; i < regionWidth; i++) {
      const upper = data[topRow + left[i]] + (data[topRow + right[i]] - data[topRow + left[i]]) * wx[i];
      const lower = data[bottomRow + left[i]] + (data[bottomRow + right[i]] - data[bottomRow + left[i]]) * wx[i];
      if (upper + (lower - upper) * wy > 0) out[row + i] = 1;
    }
  }
  return out;
}

function neighbours(coord: number, size: number): [number, number, number] {
  const c = Math.min(Math.max(coord, 0), size - 1);
  const lo = Math.floor(c);
  const hi = Math.min(lo + 1, size - 1);
  return [lo, hi, c - lo];
}

/** Copies a region-sized mask into a zeroed full-image mask. */
export function pasteRegion(regionMask: Uint8Array, region: Region, width: number, height: number): Uint8Array {
  const full = new Uint8Array(width * height);
  const regionWidth = region.x1 - region.x0;
  for (let j = 0; j < region.y1 - region.y0; j++) {
    full.set(regionMask.subarray(j * regionWidth, (j + 1) * regionWidth), (region.y0 + j) * width + region.x0);
  }
  return full;
}
