/**
 * From the decoder's 256² low-resolution logits (which cover the padded 1024² input) to a clean binary mask:
 * upsample only around the box, threshold at 0, fill small holes, drop small specks. All of it happens in a
 * working frame no larger than SAM's own (the image itself when its long side is ≤ 1024, else the image as
 * resized into SAM's 1024 input), and a larger image gets the result upsampled once, by nearest neighbour,
 * while it is run-length encoded (lib/image/masks/scaled-rle.ts): a 12 MP photo's masks then cost what a 1 MP
 * photo's do. The logits hold no detail finer than 4 frame pixels, so nothing is lost that SAM had.
 */
import type { Box, Rle } from '../../shared/analysis';
import { fillSmallHoles, removeSmallIslands, smallRegionArea } from '../../image/masks/clean';
import { encodeRleInBox, maskStatsInBox } from '../../shared/rle';
import { encodeScaledRegion, type Frame } from '../../image/masks/scaled-rle';
import { expandBox, thresholdUpsampled, type Region } from '../../image/masks/upsample';
import { SAM_INPUT_SIZE, SAM_LOW_RES_SIZE, type SamGeometry } from './preprocess';

/**
 * How far around the prompt box the mask is computed, as a fraction of the box's size. SAM's masks stay
 * close to the box it is given; 15% leaves room for parts the detector cut off (a tail, a mirror).
 */
export const BOX_MARGIN = 0.15;

export interface RegionMask {
  /** Row-major, region-sized, in `frame` pixels; the frame outside the region is background. */
  mask: Uint8Array;
  region: Region;
  frame: Frame;
}

/** The frame masks are computed in: the image, or SAM's resized image when that is smaller. */
export function workingFrame(geometry: SamGeometry): Frame {
  const smaller = geometry.resizedWidth < geometry.width;
  return smaller
    ? { width: geometry.resizedWidth, height: geometry.resizedHeight }
    : { width: geometry.width, height: geometry.height };
}

/** `frame` is the working frame (default: workingFrame); bench/mask-scale.ts passes the image's own to compare. */
export function lowResLogitsToMask(
  lowRes: Float32Array,
  geometry: SamGeometry,
  box: Box,
  frame = workingFrame(geometry),
): RegionMask {
  // Frame pixel → 1024 input frame (per axis, as the encoder resized) → 256 logit frame.
  const lowResPerInput = SAM_LOW_RES_SIZE / SAM_INPUT_SIZE;
  const grid = {
    data: lowRes,
    width: SAM_LOW_RES_SIZE,
    height: SAM_LOW_RES_SIZE,
    scaleX: (geometry.resizedWidth / frame.width) * lowResPerInput,
    scaleY: (geometry.resizedHeight / frame.height) * lowResPerInput,
  };
  const sx = frame.width / geometry.width;
  const sy = frame.height / geometry.height;
  const region = expandBox([box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy], BOX_MARGIN, frame.width, frame.height);
  const mask = thresholdUpsampled(grid, region);
  const regionWidth = region.x1 - region.x0;
  const regionHeight = region.y1 - region.y0;
  const minArea = smallRegionArea(frame.width, frame.height);
  fillSmallHoles(mask, regionWidth, regionHeight, minArea);
  removeSmallIslands(mask, regionWidth, regionHeight, minArea);
  return { mask, region, frame };
}

/** The wire form of a region mask: image-sized COCO RLE, area and tight bbox. */
export function encodeRegionMask(
  { mask, region, frame }: RegionMask,
  geometry: SamGeometry,
): { rle: Rle; area: number; bbox: Box } {
  if (frame.width !== geometry.width || frame.height !== geometry.height) {
    return encodeScaledRegion(mask, region, frame, geometry.width, geometry.height);
  }
  const box: Box = [region.x0, region.y0, region.x1 - region.x0, region.y1 - region.y0];
  return { rle: encodeRleInBox(mask, box, geometry.height, geometry.width), ...maskStatsInBox(mask, box) };
}
