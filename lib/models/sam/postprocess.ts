/**
 * From the decoder's 256² low-resolution logits (which cover the padded 1024² input) to a clean binary mask
 * at image resolution: upsample only around the box, threshold at 0, fill small holes, drop small specks.
 * Everything outside that region is background, so the mask stays region-sized until it is run-length encoded.
 */
import type { Box, Rle } from '../../shared/analysis';
import { fillSmallHoles, removeSmallIslands, smallRegionArea } from '../../masks/clean';
import { encodeRegionRle, regionMaskStats } from '../../masks/region-rle';
import { expandBox, thresholdUpsampled, type Region } from '../../masks/upsample';
import { SAM_INPUT_SIZE, SAM_LOW_RES_SIZE, type SamGeometry } from './preprocess';

/**
 * How far around the prompt box the mask is computed, as a fraction of the box's size. SAM's masks stay
 * close to the box it is given; 15% leaves room for parts the detector cut off (a tail, a mirror).
 */
export const BOX_MARGIN = 0.15;

export interface RegionMask {
  /** Row-major, region-sized; the image outside the region is background. */
  mask: Uint8Array;
  region: Region;
}

export function lowResLogitsToMask(lowRes: Float32Array, geometry: SamGeometry, box: Box): RegionMask {
  const { width, height } = geometry;
  // Image pixel → 1024 frame (per axis, as the encoder resized) → 256 frame.
  const lowResPerInput = SAM_LOW_RES_SIZE / SAM_INPUT_SIZE;
  const grid = {
    data: lowRes,
    width: SAM_LOW_RES_SIZE,
    height: SAM_LOW_RES_SIZE,
    scaleX: (geometry.resizedWidth / width) * lowResPerInput,
    scaleY: (geometry.resizedHeight / height) * lowResPerInput,
  };
  const region = expandBox(box, BOX_MARGIN, width, height);
  const mask = thresholdUpsampled(grid, region);
  const regionWidth = region.x1 - region.x0;
  const regionHeight = region.y1 - region.y0;
  const minArea = smallRegionArea(width, height);
  fillSmallHoles(mask, regionWidth, regionHeight, minArea);
  removeSmallIslands(mask, regionWidth, regionHeight, minArea);
  return { mask, region };
}

/** The wire form of a region mask: image-sized COCO RLE, area and tight bbox. */
export function encodeRegionMask({ mask, region }: RegionMask, geometry: SamGeometry): { rle: Rle; area: number; bbox: Box } {
  return { rle: encodeRegionRle(mask, region, geometry.width, geometry.height), ...regionMaskStats(mask, region) };
}
